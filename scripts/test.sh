#!/usr/bin/env bash
# Builds gongwen and runs the whole test suite: the normal build, the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, and a short bounded fuzzing run of each fuzz target
# (the checker, the PDF reader, the job loader: 30 s each by default, GONGWEN_FUZZ_SECONDS to change).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGONGWEN_SANITIZE=ON -DGONGWEN_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
# AddressSanitizer records the stack of every allocation; walking it by frame pointers (the default)
# is several times faster than by the DWARF tables. Only the suite that fails token logins needs the
# slow walk: libp11's leak on a failed login is suppressed by the names of OpenSSL functions built
# without frame pointers (tests/lsan.supp). A suite that newly reports that leak belongs here.
slow_unwind_suites='^SignToken$'
sanitized_ctest() {
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":$1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" "${@:2}"
}
sanitized_ctest fast_unwind_on_malloc=0 -R "$slow_unwind_suites"
sanitized_ctest fast_unwind_on_malloc=1 -E "$slow_unwind_suites"

./scripts/fuzz-check.sh "${GONGWEN_FUZZ_SECONDS:-30}"
