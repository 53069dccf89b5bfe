#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for SECONDS: new inputs go to WORKDIR/corpus (kept between runs, so
# a longer run starts where the last one stopped), crashing inputs to WORKDIR/artifacts; the seed
# corpus in the source tree is read, never written.
#   run-fuzzer.sh BINARY SECONDS SEED-CORPUS WORKDIR [LIBFUZZER-OPTIONS...]
# Exits with libFuzzer's status: 0 when nothing was found in the time.
set -eu

binary=$1 seconds=$2 seeds=$3 workdir=$4
shift 4
mkdir -p "$workdir/corpus" "$workdir/artifacts"
exec "$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$workdir/artifacts/" "$@" "$workdir/corpus" "$seeds"
