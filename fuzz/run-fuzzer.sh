#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for SECONDS: new inputs go to WORKDIR/corpus (kept between runs, so
# a longer run starts where the last one stopped), crashing inputs to WORKDIR/artifacts; the seed
# corpus in the source tree is read, never written.
#   run-fuzzer.sh BINARY SECONDS SEED-CORPUS WORKDIR [LIBFUZZER-OPTIONS...]
# Exits 0 when nothing was found in the time, else 1 (never 77, which meson would count as a
# skip).
set -u

binary=$1 seconds=$2 seeds=$3 workdir=$4
shift 4
mkdir -p "$workdir/corpus" "$workdir/artifacts" || exit 1
# Whole allocation stacks in leak reports (the fast unwinder stops inside GLib's allocator).
ASAN_OPTIONS=${ASAN_OPTIONS:-fast_unwind_on_malloc=0}
export ASAN_OPTIONS
"$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$workdir/artifacts/" "$@" "$workdir/corpus" "$seeds"
status=$?
if [ "$status" -ne 0 ]; then
  echo "run-fuzzer.sh: $(basename "$binary") exited with $status; inputs in $workdir/artifacts" >&2
  exit 1
fi
exit 0
