#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates Flatpak manifests without a network or a runtime (BUILD-NOTES.md, "Flatpak without a
# network"). `flatpak-builder --show-manifest` fails only on JSON syntax errors; unknown keys and
# wrong types merely print a WARNING and exit 0, so any WARNING, CRITICAL or error line fails here.
# Then the parsed manifest is checked for what flatpak-builder does not notice: a valid
# `buildsystem`, an id matching the file name, and the permission set Annex promises (no
# filesystem, no network).
#
# Usage: build-aux/validate-flatpak-manifest.sh MANIFEST.json...
# Exit 77 (skipped) when flatpak-builder is not installed.

set -uo pipefail

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "validate-flatpak-manifest: flatpak-builder not found, skipping" >&2
  exit 77
fi
if (( $# == 0 )); then
  echo "usage: $0 MANIFEST.json..." >&2
  exit 2
fi

# flatpak-builder and GLib may touch caches; keep them out of $HOME (BUILD-NOTES.md, P8).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/annex-flatpak-manifest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$tmp/cache}
export FLATPAK_USER_DIR=${FLATPAK_USER_DIR:-$tmp/flatpak}

# --show-manifest still creates .flatpak-builder/ in the working directory: run it in $tmp.
manifests=()
for manifest in "$@"; do
  manifests+=("$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")")
done
cd "$tmp" || exit 1

status=0
for manifest in "${manifests[@]}"; do
  name=$(basename "$manifest")
  if ! flatpak-builder --show-manifest "$manifest" >"$tmp/out.json" 2>"$tmp/err"; then
    cat "$tmp/err" >&2
    echo "validate-flatpak-manifest: $name: flatpak-builder cannot parse it" >&2
    status=1
    continue
  fi
  if grep -E 'WARNING|CRITICAL|[Ee]rror' "$tmp/err" >&2; then
    echo "validate-flatpak-manifest: $name: flatpak-builder warned (unknown key or wrong type?)" >&2
    status=1
    continue
  fi

  if command -v python3 >/dev/null 2>&1; then
    if ! python3 - "$tmp/out.json" "$name" <<'EOF'
import json, sys

manifest = json.load(open(sys.argv[1]))
name = sys.argv[2]
problems = []

expected_id = name[:-len(".json")] if name.endswith(".json") else name
app_id = manifest.get("id") or manifest.get("app-id")
if app_id != expected_id:
    problems.append(f"id is {app_id!r}, expected {expected_id!r} (from the file name)")

expected_args = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
finish_args = manifest.get("finish-args", [])
if sorted(finish_args) != sorted(expected_args):
    problems.append(f"finish-args are {finish_args}, expected exactly {expected_args}")

buildsystems = {"autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake"}

def walk(modules, path):
    for module in modules:
        if isinstance(module, str):         # an included module file: checked on its own
            continue
        where = path + [module.get("name", "?")]
        bs = module.get("buildsystem", "autotools")
        if bs not in buildsystems:
            problems.append(f"module {'/'.join(where)}: unknown buildsystem {bs!r}")
        for source in module.get("sources", []):
            if isinstance(source, str):
                continue
            kind = source.get("type")
            if kind in ("archive", "file") and "url" in source and not source.get("sha256") \
                    and not source.get("sha512"):
                problems.append(f"module {'/'.join(where)}: {kind} source without a checksum")
        walk(module.get("modules", []), where)

walk(manifest.get("modules", []), [])

if manifest.get("command") != "annex":
    problems.append(f"command is {manifest.get('command')!r}, expected 'annex'")

for p in problems:
    print(f"validate-flatpak-manifest: {name}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
    then
      status=1
      continue
    fi
  fi
  echo "validate-flatpak-manifest: $name: ok"
done

exit $status
