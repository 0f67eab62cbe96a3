// The adversarial corpus (adversarial_paragraphs.txt) laid out at many widths and first-line
// indents, with synthetic and with real font metrics: every line must obey GB/T 15834 避头尾,
// keep —— and …… whole, keep words and numbers whole unless longer than a line, fit its room,
// and lose no text. The corpus must also exercise every rule (pull-backs of each kind,
// line-end compression, emergency splits), or the checks would prove nothing.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/LineBreaker.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/PunctuationTable.h"
#include "pipeline/layout/StyledText.h"
#include "tests/layout/FixedMetrics.h"
#include "tests/layout/RealFonts.h"
#include "tests/support/TestSupport.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;
const double kRoomsInChars[] = {28, 27, 25, 22, 19, 16, 13};
const double kFirstIndents[] = {0, 2};

std::vector<std::string> corpus() {
  std::ifstream in(gongwen::testing::sourcePath("tests/layout/adversarial_paragraphs.txt"));
  std::vector<std::string> paragraphs;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') paragraphs.push_back(line);
  }
  return paragraphs;
}

// Why a line ended before the widest break that would have fitted.
enum class Reason { NoLineStart, NoLineEnd, UnsplittablePair, WordKeptWhole };

struct Coverage {
  std::map<Reason, int> pullBacks;
  int compressed = 0;
  int wordSplits = 0;  // words longer than a line, split
  int lines = 0;
};

class CorpusChecker {
 public:
  CorpusChecker(const StyledText& t, double firstRoom, double restRoom, std::string label)
      : t_(t),
        breaks_(lineBreakOpportunities(t.text)),
        firstRoom_(firstRoom),
        restRoom_(restRoom),
        label_(std::move(label)) {}

  void check(Coverage& coverage) {
    const std::vector<LineSpan> spans =
        breakLines(t_.text, t_.widths, t_.compressibleAtLineEnd, breaks_, firstRoom_, restRoom_);
    ASSERT_FALSE(spans.empty()) << label_;
    EXPECT_EQ(spans.front().begin, 0u) << label_;
    EXPECT_EQ(spans.back().end, t_.text.size()) << label_;
    for (size_t i = 0; i < spans.size(); ++i) {
      const LineSpan& s = spans[i];
      const std::string where = label_ + " line " + std::to_string(i + 1) + ": " + lineText(s);
      ASSERT_LT(s.begin, s.end) << where;
      if (i > 0) {
        for (size_t k = spans[i - 1].end; k < s.begin; ++k) {
          EXPECT_EQ(t_.text[k], U' ') << where << " lost text";
        }
        EXPECT_FALSE(hasClass(t_.text[s.begin], kNoLineStart)) << where << " starts with a 避头 mark";
        const bool loneDash = hasClass(t_.text[s.begin], kNoLineStartWhenSingle) &&
                              (s.begin + 1 >= t_.text.size() || t_.text[s.begin + 1] != t_.text[s.begin]);
        EXPECT_FALSE(loneDash) << where << " starts with a lone 一字线";
      }
      const double room = i == 0 ? firstRoom_ : restRoom_;
      if (s.end - s.begin > 1) {
        EXPECT_LE(s.width, room + kEpsilon) << where << " overflows";
      }
      if (s.compressedEnd) {
        ++coverage.compressed;
        EXPECT_TRUE(hasClass(lastVisible(s), kCompressibleAtLineEnd)) << where;
      }
      ++coverage.lines;
      if (i + 1 == spans.size()) continue;
      EXPECT_FALSE(hasClass(lastVisible(s), kNoLineEnd)) << where << " ends with a 避尾 mark";
      const char32_t before = t_.text[s.end - 1];
      const char32_t after = t_.text[s.end];
      EXPECT_FALSE(before == after && hasClass(after, kUnsplittablePair)) << where << " splits —— or ……";
      if (!(breaks_[s.end] & kBreakPreferred)) {
        EXPECT_GT(wordWidth(s.end), spans[i + 1].end > s.end ? restRoom_ - kEpsilon : 0)
            << where << " splits a word that fits on a line";
        ++coverage.wordSplits;
      }
      countPullBack(s, room, coverage);
    }
  }

 private:
  char32_t lastVisible(const LineSpan& s) const {
    size_t k = s.end;
    while (k > s.begin + 1 && isSpace(t_.text[k - 1])) --k;
    return t_.text[k - 1];
  }

  std::string lineText(const LineSpan& s) const { return toUtf8(t_.text.substr(s.begin, s.end - s.begin)); }

  // Width of the unbreakable (for ICU) stretch around position `at`.
  double wordWidth(size_t at) const {
    size_t begin = at;
    while (begin > 0 && !(breaks_[begin] & kBreakPreferred)) --begin;
    size_t end = at;
    while (end < t_.text.size() && !(breaks_[end] & kBreakPreferred)) ++end;
    return t_.width(begin, end);
  }

  void countPullBack(const LineSpan& s, double room, Coverage& coverage) const {
    // The widest end the width alone would allow.
    size_t widest = s.end;
    double width = t_.width(s.begin, s.end);
    while (widest < t_.text.size() && width + t_.widths[widest] <= room + kEpsilon)
      width += t_.widths[widest++];
    if (widest == s.end || widest == t_.text.size()) return;
    const char32_t after = t_.text[widest];
    const char32_t before = t_.text[widest - 1];
    if (hasClass(after, kNoLineStart) || hasClass(after, kNoLineStartWhenSingle)) {
      ++coverage.pullBacks[Reason::NoLineStart];
    } else if (hasClass(before, kNoLineEnd)) {
      ++coverage.pullBacks[Reason::NoLineEnd];
    } else if (before == after && hasClass(after, kUnsplittablePair)) {
      ++coverage.pullBacks[Reason::UnsplittablePair];
    } else {
      ++coverage.pullBacks[Reason::WordKeptWhole];
    }
  }

  const StyledText& t_;
  std::vector<uint8_t> breaks_;
  double firstRoom_;
  double restRoom_;
  std::string label_;
};

void runCorpus(const GlyphMetrics& metrics, const std::string& name) {
  const std::vector<std::string> paragraphs = corpus();
  ASSERT_GE(paragraphs.size(), 40u);
  Coverage coverage;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const StyledText t = styledText(paragraphs[p], {fonts::FontRole::Fangsong, kSize3, kBlack}, metrics,
                                    model::SourceLocation{"corpus", static_cast<int>(p + 1), ""});
    for (double chars : kRoomsInChars) {
      for (double indent : kFirstIndents) {
        const std::string label = name + " paragraph " + std::to_string(p + 1) + " at " +
                                  std::to_string(static_cast<int>(chars)) + " chars, indent " +
                                  std::to_string(static_cast<int>(indent));
        CorpusChecker(t, (chars - indent) * kGridCell, chars * kGridCell, label).check(coverage);
      }
    }
  }
  EXPECT_GT(coverage.pullBacks[Reason::NoLineStart], 0) << name;
  EXPECT_GT(coverage.pullBacks[Reason::NoLineEnd], 0) << name;
  EXPECT_GT(coverage.pullBacks[Reason::UnsplittablePair], 0) << name;
  EXPECT_GT(coverage.pullBacks[Reason::WordKeptWhole], 0) << name;
  EXPECT_GT(coverage.compressed, 0) << name;
  EXPECT_GT(coverage.wordSplits, 0) << name;
}

TEST(LineBreakingCorpus, ObeysEveryRuleWithGridMetrics) { runCorpus(testing::FixedMetrics(), "fixed"); }

TEST(LineBreakingCorpus, ObeysEveryRuleWithTheShippedFonts) {
  runCorpus(FontLibraryMetrics(testing::realFonts()), "fonts");
}

}  // namespace
}  // namespace gongwen::layout
