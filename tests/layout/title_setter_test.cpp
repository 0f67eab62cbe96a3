// Titles (7.3.1): the fewest lines, words kept whole, and a 梯形 or 菱形 — never an hourglass —
// for titles of every length, with the shipped 小标宋.

#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/TitleSetter.h"
#include "tests/layout/FixedMetrics.h"
#include "tests/layout/RealFonts.h"

namespace gongwen::layout {
namespace {

const char* const kTitles[] = {
    "关于开展安全生产大检查的通知",
    "江州市生态环境局关于开展重点排污单位环境风险隐患排查整治工作的通知",
    "江州市生态环境局关于申请安排2027年度城区黑臭水体综合治理和集中式饮用水水源地规范化建设专项资金的请示",
    "中共江州市生态环境局党组江州市生态环境局关于加强全市生态环境系统干部队伍作风建设的通知",
    "江州市生态环境局关于对市政协十四届五次会议第87号提案答复的函",
    "江州市人民政府办公室关于印发《江州市突发环境事件应急预案（2026年修订）》的通知",
    "关于转发《国务院办公厅关于进一步加强和改进新形势下生态环境保护工作的意见》的通知",
    "江州市生态环境局关于2026年第三季度全市重点排污单位自动监测数据有效传输率情况的通报",
    "关于同意江州市第二污水处理厂三期扩建工程环境影响报告书的批复",
    "江州市生态环境局江州市应急管理局江州市住房和城乡建设局江州市交通运输局关于联合开展危险废物专项整治行动的"
    "通知",
};

std::vector<double> lineWidths(const std::vector<LineSpan>& spans) {
  std::vector<double> widths;
  for (const LineSpan& s : spans) widths.push_back(s.width);
  return widths;
}

TEST(TitleSetter, ShapeRecognisesHourglassesAndAcceptsTrapezoidsAndDiamonds) {
  EXPECT_TRUE(isTrapezoidOrDiamond({10}));
  EXPECT_TRUE(isTrapezoidOrDiamond({20, 18, 12}));
  EXPECT_TRUE(isTrapezoidOrDiamond({12, 18, 20}));
  EXPECT_TRUE(isTrapezoidOrDiamond({14, 20, 16}));
  EXPECT_FALSE(isTrapezoidOrDiamond({20, 12, 18}));
  EXPECT_FALSE(isTrapezoidOrDiamond({20, 20, 19, 20}));
}

TEST(TitleSetter, EveryTitleIsAShapeOfTheFewestLinesWithWordsWhole) {
  const FontLibraryMetrics metrics(testing::realFonts());
  const double room = kTypeWidth;
  for (const char* title : kTitles) {
    const StyledText t = styledText(title, {fonts::FontRole::Xiaobiaosong, kSize2, kBlack}, metrics, {});
    const std::vector<LineSpan> spans = titleLines(t, room, {}, {});
    const std::vector<double> widths = lineWidths(spans);
    std::string shown;
    for (const LineSpan& s : spans) shown += toUtf8(t.text.substr(s.begin, s.end - s.begin)) + " / ";
    EXPECT_TRUE(isTrapezoidOrDiamond(widths)) << shown;
    const double total = t.width(0, t.text.size());
    EXPECT_LE(spans.size(), static_cast<size_t>(std::ceil(total / room)) + 1) << shown;
    const std::vector<uint8_t> words = wordBoundaries(t.text);
    for (size_t i = 0; i < spans.size(); ++i) {
      EXPECT_LE(widths[i], room + 1e-6) << shown;
      if (i > 0) {
        EXPECT_TRUE(words[spans[i].begin]) << "breaks inside a word: " << shown;
      }
    }
    EXPECT_EQ(spans.back().end, t.text.size());
  }
}

TEST(TitleSetter, KeepsNumbersWithTheirMeasureWord) {
  const FontLibraryMetrics metrics(testing::realFonts());
  const StyledText t = styledText(kTitles[4], {fonts::FontRole::Xiaobiaosong, kSize2, kBlack}, metrics, {});
  for (const LineSpan& s : titleLines(t, kTypeWidth, {}, {})) {
    const std::u32string line = t.text.substr(s.begin, s.end - s.begin);
    EXPECT_NE(line.front(), U'届') << toUtf8(line);
  }
}

TEST(TitleSetter, CentresEachLine) {
  const testing::FixedMetrics metrics;
  const StyledText t = styledText(kTitles[1], {fonts::FontRole::Xiaobiaosong, kSize2, kBlack}, metrics, {});
  std::vector<LayoutProblem> problems;
  const std::vector<SetLine> lines = setTitle(t, kTypeLeft, kTypeWidth, {}, {}, problems);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(problems.empty());
  for (const SetLine& line : lines) {
    const double left = line.runs.front().chars.front().x;
    const double right = line.runs.back().chars.back().x + kSize2;
    EXPECT_NEAR(left - kTypeLeft, kTypeRight - right, 1e-6);
  }
}

}  // namespace
}  // namespace gongwen::layout
