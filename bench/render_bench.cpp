// Renders the multi-page sample notice repeatedly in one process: job load + check + layout +
// PDF writing, warm (fonts resolved and faces loaded once, as in a long-running batch).
// Target (issue 2): <= 5 ms per two-page notice on one core.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "pipeline/check/Checker.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/layout/DocumentLayout.h"
#include "pipeline/pdf/PdfWriter.h"
#include "pipeline/render/Renderer.h"

namespace {

// A two-page notice (the yardstick) and the five-page notice with an attachment.
const std::string kTwoPages = std::string(GONGWEN_SOURCE_DIR) + "/samples/jobs/notice-classified-inspection.xml";
const std::string kFivePages = std::string(GONGWEN_SOURCE_DIR) + "/samples/jobs/notice-risk-inspection.xml";

void BM_RenderWholeJob(benchmark::State& state, const std::string& kJob) {
  const auto& fonts = gongwen::render::fontLibraryFor("");
  std::size_t pages = 0, bytes = 0;
  for (auto _ : state) {
    const auto doc = gongwen::job::loadJob(kJob);
    const auto findings = gongwen::check::checkDocument(doc);
    benchmark::DoNotOptimize(findings);
    const std::string pdf = gongwen::render::renderToPdf(doc, fonts, 1795000000, &pages);
    bytes = pdf.size();
  }
  state.counters["pages"] = static_cast<double>(pages);
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

void BM_LoadJob(benchmark::State& state, const std::string& kJob) {
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::job::loadJob(kJob));
}

void BM_Check(benchmark::State& state, const std::string& kJob) {
  const auto doc = gongwen::job::loadJob(kJob);
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::check::checkDocument(doc));
}

void BM_Layout(benchmark::State& state, const std::string& kJob) {
  const auto& fonts = gongwen::render::fontLibraryFor("");
  const auto doc = gongwen::job::loadJob(kJob);
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::layout::layOut(doc, fonts));
}

void BM_WritePdf(benchmark::State& state, const std::string& kJob) {
  const auto& fonts = gongwen::render::fontLibraryFor("");
  const auto frames = gongwen::layout::layOut(gongwen::job::loadJob(kJob), fonts);
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::pdf::writePdf(frames, fonts, {}));
}

}  // namespace

BENCHMARK_CAPTURE(BM_RenderWholeJob, two_page_notice, kTwoPages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderWholeJob, five_page_notice, kFivePages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadJob, two_page_notice, kTwoPages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Check, two_page_notice, kTwoPages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Layout, two_page_notice, kTwoPages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WritePdf, two_page_notice, kTwoPages)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
