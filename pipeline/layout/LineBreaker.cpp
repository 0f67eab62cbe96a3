#include "pipeline/layout/LineBreaker.h"

#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/PunctuationTable.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;
// A line alone at a paragraph's end with at most this many characters other than marks, and no
// break inside, is a lone unit (a number such as 96.4%).
constexpr size_t kMostCharactersOfALoneUnit = 6;
// A line justified to the full width gains at most 1/8 em a gap (LineSetter): about an eighth of
// the room over a line of full-width characters. One shorter would end visibly short.
constexpr double kShortestJustifiedShare = 1 - 1.0 / 8;

struct Candidate {
  size_t end = 0;
  double width = 0;
  bool compressed = false;
};

// The longest line from `begin` in each category of break; end == 0 where none fits.
struct Fits {
  Candidate preferred;  // ICU and the punctuation rules agree
  Candidate allowed;    // the punctuation rules allow (splits a word)
  Candidate any;        // something must move on: splits anywhere
};

Fits longestFits(std::u32string_view text, const std::vector<double>& widths,
                 const std::vector<double>& compressibleAtLineEnd, const std::vector<uint8_t>& breaks,
                 size_t begin, double room) {
  Fits fits;
  double total = 0;
  double visible = 0;
  size_t lastVisible = begin;
  for (size_t i = begin; i < text.size(); ++i) {
    total += widths[i];
    if (!isSpace(text[i])) {
      visible = total;
      lastVisible = i;
    }
    Candidate c{i + 1, visible, false};
    if (visible > room + kEpsilon) {
      const double half = compressibleAtLineEnd[lastVisible];
      if (visible - half > room + kEpsilon) {
        // Every longer line is wider still: compression saves at most half of its last mark.
        if (fits.any.end == 0) fits.any = c;  // a single character wider than the line
        break;
      }
      c.width = visible - half;
      c.compressed = true;
    }
    const bool paragraphEnd = c.end == text.size();
    const uint8_t kind = paragraphEnd ? (kBreakPreferred | kBreakRulesAllow) : breaks[c.end];
    if (kind & kBreakPreferred) fits.preferred = c;
    if (kind & kBreakRulesAllow) fits.allowed = c;
    fits.any = c;
  }
  return fits;
}

size_t countCharactersOtherThanMarks(std::u32string_view text, const LineSpan& span) {
  size_t n = 0;
  for (size_t i = span.begin; i < span.end; ++i) n += !isSpace(text[i]) && punctuationClass(text[i]) == 0;
  return n;
}

double visibleWidth(std::u32string_view text, const std::vector<double>& widths, size_t begin, size_t end) {
  while (end > begin && isSpace(text[end - 1])) --end;
  double sum = 0;
  for (size_t i = begin; i < end; ++i) sum += widths[i];
  return sum;
}

// Whether the line is one unbreakable unit: a single character, or a number with its marks
// (96.4%。) that ICU keeps whole.
bool isOneUnit(std::u32string_view text, const std::vector<uint8_t>& breaks, const LineSpan& span) {
  if (countCharactersOtherThanMarks(text, span) == 1) return true;
  for (size_t i = span.begin + 1; i < span.end; ++i) {
    if ((breaks[i] & kBreakPreferred) && !isSpace(text[i - 1])) return false;
  }
  return countCharactersOtherThanMarks(text, span) <= kMostCharactersOfALoneUnit;
}

// The standard is silent; a clerk never ends a paragraph with one character or one number alone
// on its line (段末孤字): the line above gives it a companion at the latest break ICU and the rules
// allow, unless that would leave the line above too short to justify within CLREQ's spacing.
void avoidLoneLastCharacter(std::u32string_view text, const std::vector<double>& widths,
                            const std::vector<uint8_t>& breaks, double restWidth,
                            std::vector<LineSpan>& lines) {
  if (lines.size() < 2 || !isOneUnit(text, breaks, lines.back())) return;
  LineSpan& above = lines[lines.size() - 2];
  LineSpan& last = lines.back();
  for (size_t b = above.end - 1; b > above.begin + 1; --b) {
    if (!(breaks[b] & kBreakPreferred)) continue;
    const double lastWidth = visibleWidth(text, widths, b, last.end);
    if (lastWidth > restWidth + kEpsilon) return;
    if (visibleWidth(text, widths, above.begin, b) < restWidth * kShortestJustifiedShare) return;
    above = {above.begin, b, visibleWidth(text, widths, above.begin, b), false};
    last = {b, last.end, lastWidth, false};
    return;
  }
}

}  // namespace

std::vector<LineSpan> breakLines(std::u32string_view text, const std::vector<double>& widths,
                                 const std::vector<double>& compressibleAtLineEnd,
                                 const std::vector<uint8_t>& breaks, double firstWidth, double restWidth) {
  std::vector<LineSpan> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    if (!lines.empty()) {
      while (begin < text.size() && text[begin] == U' ') ++begin;
      if (begin == text.size()) break;
    }
    const Fits fits = longestFits(text, widths, compressibleAtLineEnd, breaks, begin,
                                  lines.empty() ? firstWidth : restWidth);
    const Candidate& chosen = fits.preferred.end ? fits.preferred
                              : fits.allowed.end ? fits.allowed
                                                 : fits.any;
    lines.push_back({begin, chosen.end, chosen.width, chosen.compressed});
    begin = chosen.end;
  }
  avoidLoneLastCharacter(text, widths, breaks, restWidth, lines);
  return lines;
}

}  // namespace gongwen::layout
