// Paragraph setting against a fixed width function (every CJK character one 字, ASCII half an
// em): indents, justification to the 版心 width, Latin at its advances, line-end compression.

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/core/Utf.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/ParagraphSetter.h"
#include "tests/layout/FixedMetrics.h"

namespace gongwen::layout {
namespace {

constexpr double kInset = (kGridCell - kSize3) / 2;
const TextStyle kBody{fonts::FontRole::Fangsong, kSize3, kBlack};

std::vector<PlacedChar> charsOf(const SetLine& line) {
  std::vector<PlacedChar> chars;
  for (const TextRun& run : line.runs) chars.insert(chars.end(), run.chars.begin(), run.chars.end());
  return chars;
}

StyledText measured(const std::string& utf8) {
  static const testing::FixedMetrics metrics;
  return styledText(utf8, kBody, metrics, {});
}

TEST(ParagraphSetter, IndentsTheFirstLineTwoCharactersAndWrapsFlushLeft) {
  const StyledText t =
      measured("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
  const std::vector<SetLine> lines = setParagraph(t, ParagraphFormat{});
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<PlacedChar> first = charsOf(lines[0]);
  const std::vector<PlacedChar> second = charsOf(lines[1]);
  ASSERT_EQ(first.size(), 26u);
  EXPECT_NEAR(first.front().x, kTypeLeft + 2 * kGridCell + kInset, 1e-9);
  EXPECT_NEAR(first.back().x, kTypeRight - kGridCell + kInset, 1e-9);
  EXPECT_NEAR(second.front().x, kTypeLeft + kInset, 1e-9);
  // The last line is not justified: it keeps the grid.
  for (size_t i = 0; i < second.size(); ++i)
    EXPECT_NEAR(second[i].x, kTypeLeft + i * kGridCell + kInset, 1e-9);
}

TEST(ParagraphSetter, JustifiesLinesWithLatinToTheFullWidthKeepingLetterSpacing) {
  const StyledText t =
      measured("这是一段包含English words的文字，用来测试两端对齐是否正确处理拉丁字母与汉字之间的间距问题。");
  const std::vector<SetLine> lines = setParagraph(t, ParagraphFormat{});
  ASSERT_GE(lines.size(), 2u);
  const std::vector<PlacedChar> first = charsOf(lines[0]);
  EXPECT_NEAR(first.back().x - kInset + kGridCell, kTypeRight, 1e-6) << "justified to the right edge";
  // Letters inside "English" keep their advance (half an em in the fixed metrics).
  const auto e = std::find_if(first.begin(), first.end(), [](const PlacedChar& c) { return c.ch == U'E'; });
  ASSERT_LE(e + 7, first.end());
  for (auto c = e; c + 1 < e + 7; ++c) EXPECT_NEAR((c + 1)->x - c->x, kSize3 / 2, 1e-9);
}

TEST(ParagraphSetter, CompressesALineEndStopToHalfWidthWhenThatMakesItFit) {
  // 26 字 and two half-em letters leave a little less than one 字: the comma fits only at half width.
  const StyledText t = measured("一二三四五六七八九十一二三四五六七八九十一二三四五六ab，后面的文字。");
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<SetLine> lines = setParagraph(t, format);
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<PlacedChar> first = charsOf(lines[0]);
  EXPECT_EQ(first.back().ch, U'，');
  EXPECT_NEAR(first.back().x - kInset + kGridCell / 2, kTypeRight, 1e-6);
  EXPECT_EQ(charsOf(lines[1]).front().ch, U'后');
}

TEST(ParagraphSetter, APairOfMarksEndingALineTakesOneCharacter) {
  // 27 字 and 。” fill 28 字 only with 。 set half width before the ” (CLREQ 3.1.6.2) and the ” half
  // width at the line's end (5.1.10); otherwise 七 would move on with them.
  const StyledText t = measured("一二三四五六七八九十一二三四五六七八九十一二三四五六七。”后面的文字。");
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<SetLine> lines = setParagraph(t, format);
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<PlacedChar> first = charsOf(lines[0]);
  ASSERT_EQ(first.size(), 29u);
  EXPECT_NEAR(first[27].x - kInset, kTypeRight - kGridCell, 1e-6);
  EXPECT_NEAR(first[28].x - kInset, kTypeRight - kGridCell / 2, 1e-6);
  EXPECT_EQ(charsOf(lines[1]).front().ch, U'后');
}

TEST(ParagraphSetter, AnOpeningMarkAfterAnotherGivesUpItsBlankLeftHalf) {
  const StyledText t = measured("见（“原文”）如下");
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<PlacedChar> chars = charsOf(setParagraph(t, format).front());
  ASSERT_EQ(chars.size(), 9u);
  EXPECT_NEAR(chars[2].x - chars[1].x, kGridCell / 2, 1e-6) << "“ shifted into the blank left of its 字";
  EXPECT_NEAR(chars[6].x - chars[5].x, kGridCell / 2, 1e-6) << "” before ） gives up its right half";
  EXPECT_NEAR(chars[7].x - chars[1].x, 5 * kGridCell, 1e-6) << "（“原文”） takes 5 字, not 6";
}

TEST(ParagraphSetter, PullsACharacterBackRatherThanStartALineWithAStop) {
  const StyledText t = measured("一二三四五六七八九十一二三四五六七八九十一二三四五六七八。九十");
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<SetLine> lines = setParagraph(t, format);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(charsOf(lines[0]).size(), 27u);
  EXPECT_EQ(charsOf(lines[1]).front().ch, U'八');
  // The shortened line is still justified to the full width.
  EXPECT_NEAR(charsOf(lines[0]).back().x - kInset + kGridCell, kTypeRight, 1e-6);
}

TEST(ParagraphSetter, NeverEndsAParagraphWithOneCharacterAloneOnItsLine) {
  // 26 字 on the indented first line, 28 on the second, then 好。 would stand alone.
  const StyledText t = measured(
      "一二三四五六七八九十一二三四五六七八九十一二三四五六"
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八好。");
  const std::vector<SetLine> lines = setParagraph(t, ParagraphFormat{});
  ASSERT_EQ(lines.size(), 3u);
  const std::vector<PlacedChar> last = charsOf(lines[2]);
  ASSERT_EQ(last.size(), 3u);
  EXPECT_EQ(last[0].ch, U'八');
  // The line above, one character shorter, is still justified to the full width.
  EXPECT_NEAR(charsOf(lines[1]).back().x - kInset + kGridCell, kTypeRight, 1e-6);
}

TEST(ParagraphSetter, NeverEndsAParagraphWithANumberAloneOnItsLine) {
  // 26 字, then 28, then 96.4%。 — one unit ICU does not break — would stand alone.
  const StyledText t = measured(
      "一二三四五六七八九十一二三四五六七八九十一二三四五六"
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八96.4%。");
  const std::vector<SetLine> lines = setParagraph(t, ParagraphFormat{});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(charsOf(lines[2]).front().ch, U'八');
}

// CLREQ: the slack of a justified line is spread over its gaps, none wider than nominal by more
// than 1/8 em; a line that would need more (a long Latin word moved on) ends short.
TEST(ParagraphSetter, NoGapOpensMoreThanAnEighthEmSoALineNeedingMoreEndsShort) {
  const StyledText t = measured("一二三四五六七八九十一二三四五六七八九十一二 abcdefghijklmnopqrstuvwxyz");
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<SetLine> lines = setParagraph(t, format);
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<PlacedChar> first = charsOf(lines[0]);
  ASSERT_EQ(first.size(), 22u);
  for (size_t i = 1; i < first.size(); ++i) {
    EXPECT_LE(first[i].x - first[i - 1].x, kGridCell + kSize3 / 8 + 1e-9) << i;
    EXPECT_GT(first[i].x - first[i - 1].x, kGridCell) << "the gaps still open evenly";
  }
  EXPECT_LT(first.back().x - kInset + kGridCell, kTypeRight - kGridCell) << "the line ends short";
}

// 主送 and 抄送: a name that does not fit moves whole to the next line; only a name longer than a
// whole line is broken.
TEST(ParagraphSetter, AListOfNamesWrapsBetweenNamesAndBreaksOnlyANameLongerThanALine) {
  const std::string longName = "江州市人民政府办公室生态环境和自然资源保护工作领导小组综合协调组";  // 32 字
  const StyledText t =
      measured("江州市人民政府督查室，江州市自然资源和规划局，江州市水利局，江州市政协提案委员会，" +
               longName + "，江州市财政局。");
  ParagraphFormat format;
  format.firstIndent = 0;
  format.listOfNames = true;
  format.justify = false;
  const std::vector<SetLine> lines = setParagraph(t, format);
  std::vector<std::u32string> texts;
  for (const SetLine& line : lines) {
    std::u32string text;
    for (const PlacedChar& c : charsOf(line)) text += c.ch;
    texts.push_back(text);
  }
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[0], U"江州市人民政府督查室，江州市自然资源和规划局，");
  EXPECT_EQ(texts[1], U"江州市水利局，江州市政协提案委员会，");
  // The long name starts a line of its own and breaks at a word boundary near its end.
  EXPECT_EQ(toUtf32(longName, "").substr(0, texts[2].size()), texts[2]);
  EXPECT_GE(texts[2].size(), 26u);
  EXPECT_EQ(texts[3].substr(texts[3].size() - 7), U"江州市财政局。");
}

TEST(ParagraphSetter, StackedQuestionAndExclamationMarksShareTheirCells) {
  ParagraphFormat format;
  format.firstIndent = 0;
  const std::vector<PlacedChar> two = charsOf(setParagraph(measured("真的？！好"), format).front());
  ASSERT_EQ(two.size(), 5u);
  EXPECT_NEAR(two[4].x - two[2].x, kGridCell, 1e-9) << "？！ take one 字";
  const std::vector<PlacedChar> three = charsOf(setParagraph(measured("真的？？？好"), format).front());
  ASSERT_EQ(three.size(), 6u);
  EXPECT_NEAR(three[5].x - three[2].x, 2 * kGridCell, 1e-9) << "three take two 字";
  const std::vector<PlacedChar> one = charsOf(setParagraph(measured("真的？好"), format).front());
  EXPECT_NEAR(one[3].x - one[2].x, kGridCell, 1e-9) << "a single mark keeps its 字";
}

}  // namespace
}  // namespace gongwen::layout
