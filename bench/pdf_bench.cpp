// Costs of the font and PDF stages for a warm process (faces loaded, fontconfig resolved): what a
// document pays on top of layout. Target for layout + PDF of a two-page notice: <= 5 ms.

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/SampleFrames.h"

namespace {

using gongwen::fonts::FontConfig;
using gongwen::fonts::FontFace;
using gongwen::fonts::FontLibrary;
using gongwen::fonts::FontRole;

const FontLibrary& fonts() {
  static const FontLibrary library(FontConfig::defaults());
  return library;
}

// Body text of a realistic notice: many distinct characters, as a real one has.
const char* const kBody =
    "为深入贯彻落实党中央国务院关于优化营商环境的决策部署进一步提升政务服务效能切实解决企业和群众办事难办事慢"
    "多头跑等问题经市政府同意现就做好年度重点工作有关事项通知如下各地各部门要充分认识做好此项工作的重要意义加"
    "强"
    "组织领导明确责任分工细化工作措施确保各项任务落到实处要坚持问题导向目标导向结果导向聚焦企业群众反映强烈的"
    "突"
    "出问题开展专项整治建立健全长效机制推动政务服务标准化规范化便利化水平持续提升各区县人民政府要结合本地实际"
    "制"
    "定具体实施方案于每季度末向市政府报送工作进展情况市政府办公室将会同有关部门适时开展督促检查对工作推进不力"
    "的"
    "予以通报批评联系人张明电话一二三四五六七八";

// Two A4 pages of 22 lines x 28 characters in 仿宋, plus title, headings and page numbers.
gongwen::layout::Frames twoPageNotice() {
  using gongwen::pdf::testing::run;
  gongwen::layout::Frames frames = gongwen::pdf::testing::sampleNotice(fonts());
  const std::u32string body = gongwen::toUtf32(kBody, "bench");
  size_t next = 0;
  for (auto& page : frames.pages) {
    for (int line = 0; line < 22; ++line) {
      std::u32string text;
      for (int i = 0; i < 28; ++i) text += body[next++ % body.size()];
      page.runs.push_back(run(fonts(), FontRole::Fangsong, 16, 430 - line * 16, gongwen::toUtf8(text)));
    }
  }
  return frames;
}

std::map<uint32_t, char32_t> glyphsOf(const FontFace& face, const char* text) {
  std::map<uint32_t, char32_t> glyphs;
  for (char32_t c : gongwen::toUtf32(text, "bench")) {
    if (auto g = face.glyphFor(c)) glyphs.emplace(*g, c);
  }
  return glyphs;
}

void subsetBench(benchmark::State& state, const FontFace& face) {
  const auto glyphs = glyphsOf(face, kBody);
  size_t bytes = 0;
  for (auto _ : state) bytes = face.subset(glyphs).program.size();
  state.counters["glyphs"] = static_cast<double>(glyphs.size());
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetLabel(face.path() + (face.isCff() ? " (CFF)" : " (glyf)"));
}

// The SC face of NotoSerifCJK-Bold.ttc, a collection face; the defaults list it for 小标宋 only
// after FandolSong-Bold.
const FontFace& notoSerifBold() {
  static const FontLibrary library([] {
    FontConfig config = FontConfig::defaults();
    config.families[FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
    return config;
  }());
  return library.face(FontRole::Xiaobiaosong);
}

void BM_SubsetCffOtf(benchmark::State& state) { subsetBench(state, fonts().face(FontRole::Fangsong)); }
void BM_SubsetCffTtcFace(benchmark::State& state) { subsetBench(state, notoSerifBold()); }
void BM_SubsetGlyf(benchmark::State& state) { subsetBench(state, fonts().face(FontRole::Songti)); }

void BM_WritePdfTwoPageNotice(benchmark::State& state) {
  const auto frames = twoPageNotice();
  size_t bytes = 0;
  for (auto _ : state) bytes = gongwen::pdf::writePdf(frames, fonts(), {1767225600, "bench"}).size();
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_FontLibraryWarm(benchmark::State& state) {
  const FontConfig config = FontConfig::defaults();
  fonts();
  for (auto _ : state) FontLibrary library(config);
}

void BM_FontConfigLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(FontConfig::defaults());
}

void BM_FontLibraryCold(benchmark::State& state) {
  // Only the first iteration is cold: it is the once-per-process cost.
  for (auto _ : state) FontLibrary library(FontConfig::defaults());
}

// Last: preparing changes the shared faces for every benchmark after it.
void BM_WritePdfTwoPageNoticePrepared(benchmark::State& state) {
  const auto frames = twoPageNotice();
  // Once: google benchmark calls this function several times, and only the first call prepares.
  static const double prepareMs = [] {
    const auto start = std::chrono::steady_clock::now();
    fonts().prepareForRepeatedSubsetting();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }();
  for (auto _ : state) gongwen::pdf::writePdf(frames, fonts(), {1767225600, "bench"});
  state.counters["prepare_ms"] = prepareMs;
}

// Real time, and the CPU time of the whole process: the target is one core, so work the library
// moves to other threads (preparing faces does) must count.
BENCHMARK(BM_FontLibraryCold)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FontConfigLoad)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FontLibraryWarm)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubsetCffOtf)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SubsetCffTtcFace)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SubsetGlyf)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePdfTwoPageNotice)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePdfTwoPageNoticePrepared)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
