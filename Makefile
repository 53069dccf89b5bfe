# SPDX-License-Identifier: GPL-3.0-or-later
# A thin wrapper over meson: `make run` builds and starts Annex, `make check` builds and runs the
# tests. Both first install the Debian 12 packages that are missing (`make deps`).

BUILDDIR ?= build
ASAN_BUILDDIR ?= build-asan
FLATPAK_BUILDDIR ?= build-flatpak
FUZZ_BUILDDIR ?= build-fuzz
MESON ?= meson
MESON_SETUP_ARGS ?= --buildtype=debugoptimized -Dwerror=true
ASAN_SETUP_ARGS ?= --buildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false
# The fuzz build: clang with ASan + UBSan, libFuzzer's coverage instrumentation everywhere.
FUZZ_SETUP_ARGS ?= --buildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
	-Dfuzzing=true
FUZZ_TARGETS = fuzz-csv-import fuzz-oscal-import fuzz-workspace-open
FUZZ_SEEDS_fuzz-csv-import = tests/data/csv
FUZZ_SEEDS_fuzz-oscal-import = tests/data/oscal
FUZZ_SEEDS_fuzz-workspace-open = tests/data/fuzz-corpus/workspace
FUZZ_LONG_SECONDS ?= 600
# Crash harness (`make crash-test`): how many times the writer is killed.
KILLS ?= 200
TESTARGS ?=
ARGS ?=
FLATPAK_MANIFEST ?= flatpak/io.github.annex.Annex.Devel.json

# Debian 12 packages (BUILD-NOTES.md, "Packages"), the Flatpak tools included.
PACKAGES = \
	build-essential meson ninja-build pkg-config \
	libgtk-4-dev libadwaita-1-dev libglib2.0-dev libsqlite3-dev sqlite3 \
	libjson-glib-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev \
	gettext desktop-file-utils appstream appstream-util libxml2-utils \
	xvfb xauth dbus x11-utils imagemagick poppler-utils \
	librsvg2-common libgl1-mesa-dri adwaita-icon-theme fonts-dejavu-core \
	flatpak flatpak-builder elfutils python3 \
	clang libclang-rt-14-dev valgrind

# One private session bus and one virtual display for the whole suite (BUILD-NOTES.md).
TEST_WRAPPER = dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp'
export ANNEX_TEST_REQUIRE_DISPLAY = 1

# Sanitizer run: leaks stay on; only library frames are suppressed (tests/lsan.supp).
# The slow unwinder gives leak reports whole stacks, so suppressions can name library frames
# below glib's allocator (g_io_module_new…); the fast one stops at g_malloc.
ASAN_ENV = \
	ASAN_OPTIONS=fast_unwind_on_malloc=0:halt_on_error=1:abort_on_error=1:print_summary=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	G_SLICE=always-malloc

.PHONY: all deps build run check asan bench bench-scale bench-startup crash-test fuzz fuzz-short \
	fuzz-long valgrind \
	install flatpak clean

all: build

# Installs only the missing packages (apt-get update + install, with sudo when not root).
deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "make deps: not a Debian system; install the packages listed in README.md by hand"; \
	  exit 0; \
	fi; \
	installed=$$(dpkg-query -W -f='$${Package} $${db:Status-Status}\n' $(PACKAGES) 2>/dev/null | \
	  awk '$$2 == "installed" { print $$1 }'); \
	missing=; \
	for p in $(PACKAGES); do \
	  printf '%s\n' "$$installed" | grep -qx -- "$$p" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "make deps: installing$$missing"; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then \
	  if [ -d $(BUILDDIR)/meson-private ]; then wipe=--wipe; else wipe=; fi; \
	  echo "$(MESON) setup $(BUILDDIR) $(MESON_SETUP_ARGS) $$wipe"; \
	  $(MESON) setup $(BUILDDIR) $(MESON_SETUP_ARGS) $$wipe || exit 1; \
	fi
	$(MESON) compile -C $(BUILDDIR)

# Runs uninstalled: the compiled GSettings schema is in $(BUILDDIR)/data. `make run ARGS=--help`
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data ./$(BUILDDIR)/src/annex $(ARGS)

check: build
	$(TEST_WRAPPER) $(MESON) test -C $(BUILDDIR) --print-errorlogs $(TESTARGS)

asan: deps
	@if [ ! -f $(ASAN_BUILDDIR)/build.ninja ]; then \
	  if [ -d $(ASAN_BUILDDIR)/meson-private ]; then wipe=--wipe; else wipe=; fi; \
	  echo "$(MESON) setup $(ASAN_BUILDDIR) $(ASAN_SETUP_ARGS) $$wipe"; \
	  $(MESON) setup $(ASAN_BUILDDIR) $(ASAN_SETUP_ARGS) $$wipe || exit 1; \
	fi
	$(MESON) compile -C $(ASAN_BUILDDIR)
	$(ASAN_ENV) $(TEST_WRAPPER) $(MESON) test -C $(ASAN_BUILDDIR) --print-errorlogs \
	  --timeout-multiplier 3 $(TESTARGS)

bench: build
	./$(BUILDDIR)/tests/annex-bench $(ARGS)

# One workspace of 100,000 risks, 10,000 assets, 5,000 actions and 2,000 nonconformities:
# open, loads, filter, sort, heat map, readiness, search, exports, peak memory (a few minutes;
# `ARGS='--dir DIR'` keeps the workspace there for the next run, `ARGS=--no-exports`).
bench-scale: build
	./$(BUILDDIR)/tests/annex-scale-bench $(ARGS)

# Startup to first frame, Annex with the bank sample beside a minimal libadwaita window.
bench-startup: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(TEST_WRAPPER) ./$(BUILDDIR)/tests/annex-startup-bench \
	  $(ARGS)

# The long form of the crash harness (`make check` runs 10 kills): `make crash-test KILLS=500`,
# `ARGS='--seed 1234'` repeats a run.
crash-test: build
	./$(BUILDDIR)/tests/annex-crash-harness --kills $(KILLS) $(ARGS)

# Builds only the fuzz targets (and the libraries below them) in $(FUZZ_BUILDDIR), with clang.
fuzz: deps
	@if [ ! -f $(FUZZ_BUILDDIR)/build.ninja ]; then \
	  if [ -d $(FUZZ_BUILDDIR)/meson-private ]; then wipe=--wipe; else wipe=; fi; \
	  echo "CC=clang $(MESON) setup $(FUZZ_BUILDDIR) $(FUZZ_SETUP_ARGS) $$wipe"; \
	  CC=clang $(MESON) setup $(FUZZ_BUILDDIR) $(FUZZ_SETUP_ARGS) $$wipe || exit 1; \
	fi
	$(MESON) compile -C $(FUZZ_BUILDDIR) $(FUZZ_TARGETS)

# 60 s per target, as meson tests (suite fuzz, one pass/fail per target): what CI runs.
fuzz-short: fuzz
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MESON) test -C $(FUZZ_BUILDDIR) --suite fuzz --no-rebuild --print-errorlogs $(TESTARGS)

# $(FUZZ_LONG_SECONDS) per target, one after the other; the corpus grows in
# $(FUZZ_BUILDDIR)/fuzz/<target>-run/corpus, crashing inputs land in …/artifacts.
fuzz-long: fuzz
	@status=0; \
	$(foreach t,$(FUZZ_TARGETS),echo "=== $(t): $(FUZZ_LONG_SECONDS) s ==="; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp fuzz/run-fuzzer.sh \
	  $(FUZZ_BUILDDIR)/fuzz/$(t) $(FUZZ_LONG_SECONDS) $(FUZZ_SEEDS_$(t)) \
	  $(FUZZ_BUILDDIR)/fuzz/$(t)-run $(ARGS) || status=1;) \
	exit $$status

# valgrind's memcheck over the core tests, with GLib's suppressions (and tests/valgrind.supp for
# library frames only): errors and definite leaks fail a test (slow: ten times the normal run).
VALGRIND = valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
	--errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 \
	--suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
	--suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: build
	G_SLICE=always-malloc G_DEBUG=gc-friendly $(MESON) test -C $(BUILDDIR) --suite core \
	  --wrapper '$(VALGRIND)' --timeout-multiplier 20 --print-errorlogs $(TESTARGS)

install: build
	$(MESON) install -C $(BUILDDIR)

# Needs the GNOME runtime and network access (see README.md).
flatpak:
	flatpak-builder --user --install --force-clean $(FLATPAK_BUILDDIR) $(FLATPAK_MANIFEST)

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR) $(FLATPAK_BUILDDIR) $(FUZZ_BUILDDIR) build-ci \
	  .flatpak-builder
