#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target for a bounded time with AddressSanitizer and
# UndefinedBehaviorSanitizer, starting from the seed corpus in tests/fuzz/corpus/.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS-PER-TARGET] [BUILD-DIR]
#
# SECONDS defaults to 60. BUILD-DIR defaults to _build/fuzz; when it is not a Meson build yet,
# it is set up with clang, the sanitizers and libFuzzer's coverage instrumentation, and only
# the fuzz targets (and what they link) are built. Crashing inputs are kept in
# BUILD-DIR/fuzz-artifacts/. Exits non-zero when a target finds a crash, a leak or a hang.
set -euo pipefail

source_root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build=${2:-$source_root/_build/fuzz}
targets=(ics-import backup-restore csv-import)

if ! command -v clang >/dev/null; then
  echo "run-fuzzers: clang is needed for libFuzzer" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$source_root" \
    --buildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
for target in "${targets[@]}"; do
  meson compile -C "$build" "fuzz-$target"
done

export ASAN_OPTIONS=detect_leaks=1:detect_odr_violation=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$source_root/tests/lsan.supp"
# A GLib critical is a bug the fuzzer found.
export G_DEBUG=fatal-criticals

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=0
for target in "${targets[@]}"; do
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
  seeds="$source_root/tests/fuzz/corpus/${target%%-*}"
  echo "== fuzz-$target for ${seconds}s from $seeds"
  if "$build/tests/fuzz/fuzz-$target" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
       -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
       "$corpus" "$seeds" 2>"$build/fuzz-$target.log"; then
    grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' \
      "$build/fuzz-$target.log" | sed 's/^/   /'
    echo "== fuzz-$target: no crash"
  else
    tail -n 40 "$build/fuzz-$target.log"
    echo "== fuzz-$target: FAILED; the input is in $artifacts"
    failed=1
  fi
  rm -rf "$corpus"
  trap - EXIT
done
exit $failed
