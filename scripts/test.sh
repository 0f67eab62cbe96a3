#!/usr/bin/env bash
# Builds gongwen and runs the whole test suite: the normal build, the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, and a short bounded fuzzing run of each fuzz target
# (the checker, the PDF reader, the job loader: 60 s each by default).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGONGWEN_SANITIZE=ON -DGONGWEN_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":fast_unwind_on_malloc=0 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

./scripts/fuzz-check.sh "${GONGWEN_FUZZ_SECONDS:-60}"
