// Proof-reading throughput on a large 公文 text (the acceptance target is ≥ 20 MB/s on one core):
// the clean 2,000-character notice and its half-width twin, repeated to about 8 MB.

#include <benchmark/benchmark.h>

#include <string>

#include "pipeline/check/Checker.h"
#include "pipeline/core/AtomicFile.h"

namespace {

std::string largeText(const char* name) {
  const std::string one = gongwen::readFile(std::string(GONGWEN_SOURCE_DIR) + "/tests/check/data/" + name);
  std::string text;
  while (text.size() < 8u * 1024 * 1024) text += one + "\n";
  return text;
}

void checkLargeText(benchmark::State& state, const char* name) {
  const std::string text = largeText(name);
  size_t findings = 0;
  for (auto _ : state) {
    const auto result = gongwen::check::checkText(text, name);
    findings = result.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_CheckCleanNotice(benchmark::State& state) { checkLargeText(state, "clean-notice.txt"); }
void BM_CheckHalfwidthNotice(benchmark::State& state) { checkLargeText(state, "halfwidth-notice.txt"); }

BENCHMARK(BM_CheckCleanNotice)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckHalfwidthNotice)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
