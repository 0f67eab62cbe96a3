// CLREQ 3.1.6 on Poppler's reading of rendered text: two adjacent marks take 1.5 字, not 2, which
// can keep a character on a line a little too long instead of spreading the line; and no justified
// gap of a sample opens more than 1/8 em beyond its CLREQ width, half a 字 after a mark that
// stands next to another.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/e2e/NoticeJob.h"
#include "tests/e2e/RenderedSamples.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

using namespace gongwen::testing;

namespace {

constexpr double kTolerance = 0.3;  // pt: Poppler's rounding of the text matrix

bool contains(const char* set, const std::string& c) {
  return c.size() > 1 && std::string(set).find(c) != std::string::npos;
}
// Stops and closing marks stand in the left half of their 字, opening marks in the right half.
bool blankOnRight(const std::string& c) { return contains("，。、；：？！”’）》〉」』】〕", c); }
bool blankOnLeft(const std::string& c) { return contains("“‘（《〈「『【〔", c); }
bool isMark(const std::string& c) { return blankOnRight(c) || blankOnLeft(c); }

// Two adjacent marks whose blank halves meet, or that both open: CLREQ sets them in 1.5 字.
bool adjacentPair(const std::string& a, const std::string& b) {
  return (blankOnRight(a) && isMark(b)) || (blankOnLeft(a) && blankOnLeft(b));
}

// The text lines of every page of a notice with `paragraphs` as its 正文.
std::vector<TextLine> renderBody(const TempDir& dir, const std::vector<std::string>& paragraphs) {
  const std::string job = dir.file("marks.xml");
  const std::string pdfPath = dir.file("marks.pdf");
  gongwen::writeFileAtomically(
      job, noticeJob("江州市生态环境局关于标点挤压示例的通知", {}, "江州市应急管理局。", paragraphs));
  const auto r = run({gongwenBinary(), "render", job, "-o", pdfPath});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  PdfInspect pdf(pdfPath);
  std::vector<TextLine> lines;
  for (int page = 0; page < pdf.pages(); ++page) {
    for (TextLine& line : pdf.lines(page)) lines.push_back(std::move(line));
  }
  return lines;
}

TEST(PunctuationCompression, TwoAdjacentMarksTakeOneAndAHalfCharacters) {
  TempDir dir;
  const auto lines =
      renderBody(dir, {"第一项（试行）、第二项。", "他说：“按期完成。”随后散会。",
                       "会议指出，“三个必须”要落实。", "详见「附件」（略）。", "引用（“原文”）如下。"});
  int pairs = 0;
  for (const TextLine& line : lines) {
    for (size_t i = 0; i + 2 < line.chars.size(); ++i) {
      const CharBox& a = line.chars[i];
      const CharBox& b = line.chars[i + 1];
      const CharBox& next = line.chars[i + 2];
      if (!adjacentPair(a.text, b.text) || isMark(next.text)) continue;
      ++pairs;
      EXPECT_NEAR(next.left - a.left, 1.5 * kCharCell, kTolerance)
          << a.text << b.text << " in " << line.text();
    }
  }
  EXPECT_EQ(pairs, 7) << "）、 ：“ 。” ，“ 」（ （“ ”）";
}

TEST(PunctuationCompression, APairSetInOneAndAHalfCharactersKeepsALastCharacterOnItsLine) {
  TempDir dir;
  // 26 characters, ）、 among them, then a 。 that may not start the next line: the first line's
  // 26 字 of room hold them all only with ）、 in 1.5 字 and the 。 at the line's end in half of
  // one. Without the pair's compression 事 moves on with the 。 and the line is spread.
  const std::string first = "各单位按（试行）、落实主体责任确保不发生重大安全事故。";
  const auto lines = renderBody(dir, {first + "请于十二月底前报送工作总结和下一年度工作安排。"});
  const TextLine* line = nullptr;
  for (const TextLine& l : lines) {
    if (l.text().rfind("各单位", 0) == 0) line = &l;
  }
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->text(), first);
  // The ink of the last mark, in the left half of its 字, ends within the 版心.
  EXPECT_LE(line->chars.back().left + kCharCell / 2, kBodyRight + kTolerance);
  for (size_t i = 0; i + 1 < line->chars.size(); ++i) {
    EXPECT_LE(line->chars[i + 1].left - line->chars[i].left, kCharCell + kTolerance)
        << "a gap is spread after \"" << line->chars[i].text << "\"";
  }
}

using SamplePairs = RenderedSamples;

TEST_F(SamplePairs, NoGapAfterAMarkBesideAnotherIsWiderThanHalfACharacterAndAnEighthEm) {
  int pairs = 0;
  for (const auto& s : samples_) {
    PdfInspect pdf(s.pdf);
    for (int page = 0; page < pdf.pages(); ++page) {
      for (const auto& line : pdf.lines(page)) {
        for (size_t i = 0; i + 1 < line.chars.size(); ++i) {
          const CharBox& a = line.chars[i];
          const CharBox& b = line.chars[i + 1];
          if (a.fontSize > 17 || !adjacentPair(a.text, b.text)) continue;
          ++pairs;
          EXPECT_LE(b.left - a.left, kCharCell / 2 + a.fontSize / 8 + kTolerance)
              << s.job << " page " << page + 1 << ": " << a.text << b.text << " in " << line.text();
        }
      }
    }
  }
  EXPECT_GE(pairs, 5);
}

}  // namespace
