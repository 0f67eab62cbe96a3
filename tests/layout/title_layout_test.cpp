// Title layout at the limits: the search for a title's breaks is dynamic programming, so a
// 300-字 title costs a bounded amount of work; a title longer than a page is refused by name; and
// the sample titles break at their seams with every term whole (issue 12 listed ten that did not).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/DocumentLayout.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/TitleSetter.h"
#include "tests/layout/FramesInspect.h"
#include "tests/layout/RealFonts.h"
#include "tests/support/TestSupport.h"

namespace gongwen::layout {
namespace {

// Twenty organs jointly issuing four documents: long, but a title a bureau does write (shared with
// bench/render_bench's BM_TitleLayout).
std::string threeHundredCharacterTitle() {
  std::string title =
      readFile(gongwen::testing::sourcePath("tests/layout/three_hundred_character_title.txt"));
  while (!title.empty() && title.back() == '\n') title.pop_back();
  return title;
}

const TextStyle kTitleStyle{fonts::FontRole::Xiaobiaosong, kSize2, kBlack};

std::vector<std::string> lineTexts(const StyledText& t, const std::vector<LineSpan>& spans) {
  std::vector<std::string> lines;
  for (const LineSpan& s : spans) lines.push_back(toUtf8(t.text.substr(s.begin, s.end - s.begin)));
  return lines;
}

TEST(TitleLayout, AThreeHundredCharacterTitleWeighsFewCandidateLinesAndKeepsItsShape) {
  const FontLibraryMetrics metrics(testing::realFonts());
  const StyledText t = styledText(threeHundredCharacterTitle(), kTitleStyle, metrics, {});
  ASSERT_EQ(t.text.size(), 300u);
  TitleSearchStats stats;
  const std::vector<LineSpan> spans = titleLines(t, kTypeWidth, {}, {}, &stats);
  std::vector<double> widths;
  for (const LineSpan& s : spans) widths.push_back(s.width);
  EXPECT_TRUE(isTrapezoidOrDiamond(widths));
  EXPECT_LE(spans.size(), 17u);
  EXPECT_EQ(spans.back().end, t.text.size());
  // The exhaustive search it replaced took 6 s of CPU on this title, and grew exponentially with
  // the length; the dynamic programme weighs each line once per state (about 5,000 here).
  EXPECT_GT(stats.candidateLines, 0u);
  EXPECT_LT(stats.candidateLines, 50000u);
}

// The most break points a title within the limits can offer: 1000 narrow characters with a break
// after every second one, sixteen lines of about thirty breaks each.
TEST(TitleLayout, NarrowTextWithABreakEveryOtherCharacterStaysWithinTheWorkBound) {
  const FontLibraryMetrics metrics(testing::realFonts());
  std::string title;
  for (int i = 0; i < 499; ++i) title += "i ";
  title += "i";
  const StyledText t = styledText(title, kTitleStyle, metrics, {});
  TitleSearchStats stats;
  const std::vector<LineSpan> spans = titleLines(t, kTypeWidth, {}, {}, &stats);
  std::vector<double> widths;
  for (const LineSpan& s : spans) widths.push_back(s.width);
  EXPECT_TRUE(isTrapezoidOrDiamond(widths));
  EXPECT_EQ(spans.back().end, t.text.size());
  EXPECT_LT(stats.candidateLines, 1000000u);
}

TEST(TitleLayout, AThreeHundredCharacterTitleLaysOutInADocument) {
  model::Document d = testing::notice(1);
  d.title = testing::text(threeHundredCharacterTitle(), "/job/title");
  const Frames frames = layOut(d, testing::realFonts());
  size_t titleLines = 0;
  for (const Page& page : frames.pages)
    titleLines += testing::linesIn(page, fonts::FontRole::Xiaobiaosong, kSize2).size();
  EXPECT_GE(titleLines, 15u);
}

TEST(TitleLayout, ATitleLongerThanAPageIsRefusedNamingTheTitleAndTheLimit) {
  model::Document d = testing::notice(1);
  std::string title;
  for (int i = 0; i < 3; ++i) title += threeHundredCharacterTitle();
  d.title = testing::text(title, "/job/title");
  try {
    layOut(d, testing::realFonts());
    FAIL() << "expected title.too-long";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "title.too-long");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    const std::string message = e.what();
    EXPECT_NE(message.find("test-job.xml:1 (/job/title)"), std::string::npos) << message;
    EXPECT_NE(message.find("中共江州市委办公室"), std::string::npos) << message;
    EXPECT_NE(message.find("at most 22 lines"), std::string::npos) << message;
  }
}

TEST(TitleLayout, SampleTitlesBreakAtSeamsWithTermsWhole) {
  const struct {
    const char* title;
    std::vector<std::string> lines;
  } kSamples[] = {
      {"江州市生态环境局关于对市政协十四届五次会议第87号提案答复的函",
       {"江州市生态环境局关于对", "市政协十四届五次会议第87号提案答复的函"}},
      {"江州市生态环境局关于对市十七届人大五次会议第126号建议答复的函",
       {"江州市生态环境局关于对", "市十七届人大五次会议第126号建议答复的函"}},
      {"关于研究冬春季大气污染防治工作的会议纪要", {"关于研究冬春季大气污染防治工作的会议纪要"}},
      {"关于研究党建工作和干部教育培训工作的会议纪要", {"关于研究党建工作和", "干部教育培训工作的会议纪要"}},
      {"江州市生态环境局关于做好生态环境保护督察反馈问题整改核查工作的通知",
       {"江州市生态环境局关于做好生态环境保护督察", "反馈问题整改核查工作的通知"}},
      {"关于加强全市生态环境系统干部队伍作风建设的通知",
       {"关于加强全市生态环境系统", "干部队伍作风建设的通知"}},
      {"江州市生态环境局关于开展重点排污单位环境风险隐患排查整治工作的通知",
       {"江州市生态环境局关于开展重点排污单位", "环境风险隐患排查整治工作的通知"}},
      {"环境风险隐患排查重点内容", {"环境风险隐患排查重点内容"}},
      {"江州市生态环境局关于同意东湖区生态环境分局调整2026年度执法检查计划的批复",
       {"江州市生态环境局关于", "同意东湖区生态环境分局调整", "2026年度执法检查计划的批复"}},
      {"江州市生态环境局关于江州高新区污水处理厂提标改造工程环境影响报告书的批复",
       {"江州市生态环境局关于江州高新区污水处理厂", "提标改造工程环境影响报告书的批复"}},
      {"江州市生态环境局关于2026年度生态环境保护工作情况的报告",
       {"江州市生态环境局关于", "2026年度生态环境保护工作情况的报告"}},
      {"江州市生态环境局关于城东化工园区一起储罐泄漏事件环境应急处置情况的报告",
       {"江州市生态环境局关于城东化工园区", "一起储罐泄漏事件环境应急处置情况的报告"}},
      {"江州市生态环境局关于购置突发环境事件应急监测车辆的请示",
       {"江州市生态环境局关于购置", "突发环境事件应急监测车辆的请示"}},
      {"江州市生态环境局关于申请安排2027年度城区黑臭水体综合治理和集中式饮用水水源地规范化建设专项资金的请示",
       {"江州市生态环境局关于申请安排2027年度", "城区黑臭水体综合治理和集中式饮用水水源地",
        "规范化建设专项资金的请示"}},
      {"2027年度城区黑臭水体综合治理项目清单", {"2027年度城区黑臭水体综合治理项目清单"}},
      {"2027年度集中式饮用水水源地规范化建设项目清单", {"2027年度集中式饮用水水源地", "规范化建设项目清单"}},
  };
  const FontLibraryMetrics metrics(testing::realFonts());
  for (const auto& sample : kSamples) {
    const StyledText t = styledText(sample.title, kTitleStyle, metrics, {});
    EXPECT_EQ(lineTexts(t, titleLines(t, kTypeWidth, {}, {})), sample.lines) << sample.title;
  }
}

}  // namespace
}  // namespace gongwen::layout
