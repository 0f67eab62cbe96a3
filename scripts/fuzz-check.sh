#!/usr/bin/env bash
# Builds the libFuzzer targets (checker, PDF reader, job loader) with clang, ASan and UBSan in their
# own build directory and runs each for a bounded time. A crash, a leak, an input taking longer
# than the timeout or memory beyond the RSS limit is a finding and fails the run.
# Usage: scripts/fuzz-check.sh [seconds per target] (default 30: the seed corpora are replayed
# first, then mutated; CI's whole run has a budget of 25 minutes).
set -euo pipefail

seconds="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${GONGWEN_FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(check pdf job)

CXX=clang++ cmake -S "$root" -B "$build" -DGONGWEN_FUZZ=ON -DGONGWEN_SANITIZE=ON -DGONGWEN_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for target in "${targets[@]}"; do
  cmake --build "$build" --target "gongwen_${target}_fuzz" -j "${GONGWEN_JOBS:-2}"
done

# New inputs go to a scratch directory; the committed seed corpora stay as they are. Inputs that
# fail are kept in $build/fuzz-artifacts to be reproduced and added to the seed corpus.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-artifacts"
for target in "${targets[@]}"; do
  echo "fuzz-check: $target for ${seconds}s"
  mkdir -p "$work/$target"
  # The seed PDFs are whole rendered and signed documents; let mutations keep them whole.
  options=(-max_len=65536)
  [[ "$target" == pdf ]] && options=(-max_len=262144)
  # Keywords of the input's syntax let mutations reach past the parser.
  [[ -f "$root/tests/fuzz/$target.dict" ]] && options+=(-dict="$root/tests/fuzz/$target.dict")
  "$build/tests/fuzz/gongwen_${target}_fuzz" "${options[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
    "$work/$target" "$root/tests/fuzz/corpus/$target"
done
