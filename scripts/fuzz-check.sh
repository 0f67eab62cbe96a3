#!/usr/bin/env bash
# Builds the checker's libFuzzer target with clang, ASan and UBSan in its own build directory and
# runs it for a bounded time. Usage: scripts/fuzz-check.sh [seconds] (default 60).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${GONGWEN_FUZZ_BUILD_DIR:-$root/build-fuzz}"

CXX=clang++ cmake -S "$root" -B "$build" -DGONGWEN_FUZZ=ON -DGONGWEN_SANITIZE=ON -DGONGWEN_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target gongwen_check_fuzz -j "${GONGWEN_JOBS:-2}"

# New inputs go to a scratch directory; the committed seed corpus stays as it is.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/tests/fuzz/gongwen_check_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 "$work" "$root/tests/fuzz/corpus/check"
