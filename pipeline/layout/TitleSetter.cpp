#include "pipeline/layout/TitleSetter.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/PunctuationTable.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;
// Two costs this close are a tie (the same widths in another order): the earlier breaks win.
constexpr double kSameCost = 1e-6;
// A small preference, smaller than any real difference in evenness, for the top line being the
// longest: the form most 公文 titles take.
constexpr double kShorterTopLineCost = 1e-3;
constexpr int kExtraLinesTried = 2;
// Far above what any title within the limits needs (a 300-字 title weighs a few thousand lines);
// only text of zero-width characters could reach it, and it then gets plain line breaking.
constexpr size_t kMaxCandidateLines = 4'000'000;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// ICU's word segmentation parts a number from its measure word (2027|年度, 十四|届); a clerk
// keeps them on one line.
bool splitsNumberFromMeasure(char32_t before, char32_t after) {
  const bool number =
      (before >= U'0' && before <= U'9') ||
      std::u32string_view(U"〇一二三四五六七八九十百千万亿").find(before) != std::u32string_view::npos;
  return number &&
         std::u32string_view(U"年月日届次号个项条款期批名元").find(after) != std::u32string_view::npos;
}

double visibleWidth(const StyledText& t, size_t begin, size_t end) {
  while (end > begin && isSpace(t.text[end - 1])) --end;
  return t.width(begin, end);
}

// Where a title may break: ICU line breaks that are also word boundaries and keep numbers with
// their measure words.
std::vector<size_t> titleBreaks(const StyledText& t, const std::vector<uint8_t>& breaks) {
  const std::vector<uint8_t> words = wordBoundaries(t.text);
  std::vector<size_t> candidates;
  for (size_t i = 1; i < t.text.size(); ++i) {
    if ((breaks[i] & kBreakPreferred) && words[i] && !splitsNumberFromMeasure(t.text[i - 1], t.text[i]))
      candidates.push_back(i);
  }
  return candidates;
}

[[noreturn]] void refuseLongTitle(const StyledText& t, const model::SourceLocation& where, int lines) {
  const size_t shown = std::min<size_t>(t.text.size(), 16);
  throw inputError("title.too-long",
                   where.describe() + ": the title \"" + toUtf8(t.text.substr(0, shown)) +
                       (shown < t.text.size() ? "…" : "") +
                       "\" is too long: " + std::to_string(t.text.size()) + " characters needing " +
                       std::to_string(lines) + " lines of 二号 type, and a title may take at most " +
                       std::to_string(kMaxTitleLines) + " lines (one page) and " +
                       std::to_string(kMaxTitleCharacters) + " characters; shorten the title");
}

// The best 梯形/菱形 breaking for a given number of lines, by dynamic programming over the break
// points: a state is the line just set (its first and last break point), how many lines are set
// and whether the widths have started to fall; its value is the cheapest way to set the rest.
// The first line is chosen outside the states because the shape preference compares it with the
// last one.
class TitleSearch {
 public:
  TitleSearch(const StyledText& t, const std::vector<size_t>& breaks, double room, TitleSearchStats& stats)
      : room_(room), stats_(stats) {
    points_.push_back(0);
    points_.insert(points_.end(), breaks.begin(), breaks.end());
    points_.push_back(t.text.size());
    prefix_.assign(t.text.size() + 1, 0);
    for (size_t i = 0; i < t.text.size(); ++i) prefix_[i + 1] = prefix_[i] + t.widths[i];
    visibleEnd_.resize(points_.size());
    for (size_t p = 0; p < points_.size(); ++p) {
      size_t end = points_[p];
      while (end > 0 && isSpace(t.text[end - 1])) --end;
      visibleEnd_[p] = end;
    }
    const size_t last = points_.size() - 1;
    lastEnd_.resize(points_.size());
    lineId_.resize(points_.size() + 1);
    for (size_t s = 0; s < points_.size(); ++s) {
      size_t e = s;
      while (e < last && width(s, e + 1) <= room_ + kEpsilon) ++e;
      lastEnd_[s] = e;
      lineId_[s + 1] = lineId_[s] + (e - s);
    }
    fewestFrom_.assign(points_.size(), kUnreachable);
    fewestFrom_[last] = 0;
    for (size_t s = last; s-- > 0;) {
      for (size_t e = s + 1; e <= lastEnd_[s]; ++e)
        fewestFrom_[s] = std::min(fewestFrom_[s], fewestFrom_[e] + 1);
    }
    fewestTo_.assign(points_.size(), kUnreachable);
    fewestTo_[0] = 0;
    for (size_t s = 0; s < last; ++s) {
      if (fewestTo_[s] == kUnreachable) continue;
      for (size_t e = s + 1; e <= lastEnd_[s]; ++e) fewestTo_[e] = std::min(fewestTo_[e], fewestTo_[s] + 1);
    }
  }

  // The fewest lines any breaking needs (kUnreachable when a word is wider than the room).
  int fewestLines() const { return fewestFrom_[0]; }

  // The line ends of the best breaking into `lines` lines; empty when no shaped one exists or the
  // search would exceed kMaxCandidateLines.
  std::vector<size_t> best(int lines) {
    if (lines < fewestLines()) return {};
    lines_ = lines;
    evenWidth_ = width(0, points_.size() - 1) / lines;
    slots_ = static_cast<size_t>(lines - fewestLines() + 1);
    memo_.assign(lineId_.back() * slots_ * 2, Memo{});
    double bestCost = kInfinity;
    size_t bestFirst = 0;
    for (size_t first = 1; first <= lastEnd_[0]; ++first) {
      if (fewestFrom_[first] + 1 > lines) continue;
      ++stats_.candidateLines;
      firstWidth_ = width(0, first);
      ++generation_;
      const double cost = lineCost({0, first, firstWidth_}) + rest(0, first, 1, false);
      if (cost < bestCost - kSameCost) {
        bestCost = cost;
        bestFirst = first;
      }
    }
    if (bestCost == kInfinity || stats_.candidateLines > kMaxCandidateLines) return {};
    // Walk the chosen states again to read off the breaks.
    firstWidth_ = width(0, bestFirst);
    ++generation_;
    rest(0, bestFirst, 1, false);
    std::vector<size_t> ends{points_[bestFirst]};
    size_t s = 0, e = bestFirst;
    bool falling = false;
    for (int j = 1; j < lines_; ++j) {
      const size_t next = memoOf(s, e, j, falling).next;
      falling = fallsAfter(width(s, e), width(e, next), falling);
      s = e;
      e = next;
      ends.push_back(points_[e]);
    }
    return ends;
  }

 private:
  static constexpr int kUnreachable = std::numeric_limits<int>::max() / 2;

  struct Line {
    size_t begin = 0;  // break point indices
    size_t end = 0;
    double width = 0;
  };

  struct Memo {
    unsigned generation = 0;
    double cost = kInfinity;
    size_t next = 0;
  };

  // The cost of one line of the title: how far it is from an even share. Preferences about where
  // a title breaks belong here too, since every line is weighed through this one function.
  double lineCost(const Line& line) const { return (line.width - evenWidth_) * (line.width - evenWidth_); }

  double width(size_t s, size_t e) const {
    return prefix_[std::max(points_[s], visibleEnd_[e])] - prefix_[points_[s]];
  }

  // Whether the widths are falling after a line of `width` follows one of `previous`; the caller
  // has checked that the shape allows it.
  static bool fallsAfter(double previous, double width, bool falling) {
    return falling || width < previous - kEpsilon;
  }

  Memo& memoOf(size_t s, size_t e, int linesSet, bool falling) {
    const size_t slot = static_cast<size_t>(linesSet - fewestTo_[e]);
    return memo_[((lineId_[s] + (e - s - 1)) * slots_ + slot) * 2 + (falling ? 1 : 0)];
  }

  // The cheapest way to set the text after line (s, e), the `linesSet`-th, in the lines left.
  double rest(size_t s, size_t e, int linesSet, bool falling) {
    if (e == points_.size() - 1) {
      if (linesSet != lines_) return kInfinity;
      return firstWidth_ < width(s, e) - kEpsilon ? kShorterTopLineCost : 0;
    }
    Memo& memo = memoOf(s, e, linesSet, falling);
    if (memo.generation == generation_) return memo.cost;
    memo = Memo{generation_, kInfinity, 0};
    const double previous = width(s, e);
    for (size_t next = e + 1; next <= lastEnd_[e]; ++next) {
      if (linesSet + 1 + fewestFrom_[next] > lines_) continue;
      if (stats_.candidateLines > kMaxCandidateLines) break;
      ++stats_.candidateLines;
      const double w = width(e, next);
      if (falling && w > previous + kEpsilon) continue;  // an hourglass
      const double cost =
          lineCost({e, next, w}) + rest(e, next, linesSet + 1, fallsAfter(previous, w, falling));
      if (cost < memo.cost - kSameCost) {
        memo.cost = cost;
        memo.next = next;
      }
    }
    return memo.cost;
  }

  double room_;
  TitleSearchStats& stats_;
  std::vector<size_t> points_;      // 0, every allowed break, the end of the text
  std::vector<double> prefix_;      // width of text[0, i)
  std::vector<size_t> visibleEnd_;  // a line ending at point p ends visibly here (spaces dropped)
  std::vector<size_t> lastEnd_;     // the farthest point a line from point s can reach
  std::vector<size_t> lineId_;      // lines from point s are numbered from lineId_[s]
  std::vector<int> fewestFrom_;     // fewest lines from point s to the end
  std::vector<int> fewestTo_;       // fewest lines from the start to point s
  int lines_ = 0;
  double evenWidth_ = 0;
  double firstWidth_ = 0;
  size_t slots_ = 0;
  unsigned generation_ = 0;
  std::vector<Memo> memo_;
};

}  // namespace

bool isTrapezoidOrDiamond(const std::vector<double>& widths) {
  size_t i = 1;
  while (i < widths.size() && widths[i] >= widths[i - 1] - kEpsilon) ++i;
  while (i < widths.size() && widths[i] <= widths[i - 1] + kEpsilon) ++i;
  return i >= widths.size();
}

std::vector<LineSpan> titleLines(const StyledText& t, double room, const model::SourceLocation& where,
                                 TitleSearchStats* stats) {
  const double total = visibleWidth(t, 0, t.text.size());
  const int fewest = std::max(1, static_cast<int>(std::ceil(total / room - kEpsilon)));
  if (fewest > kMaxTitleLines || t.text.size() > kMaxTitleCharacters) refuseLongTitle(t, where, fewest);
  const std::vector<uint8_t> breaks = lineBreakOpportunities(t.text);
  if (fewest > 1) {
    TitleSearchStats discarded;
    TitleSearch search(t, titleBreaks(t, breaks), room, stats ? *stats : discarded);
    for (int lines = fewest; lines <= fewest + kExtraLinesTried; ++lines) {
      const std::vector<size_t> ends = search.best(lines);
      if (ends.empty()) continue;
      std::vector<LineSpan> spans;
      size_t begin = 0;
      for (size_t end : ends) {
        spans.push_back({begin, end, visibleWidth(t, begin, end), false});
        begin = end;
      }
      return spans;
    }
  }
  return breakLines(t.text, t.widths, breaks, room, room);
}

std::vector<SetLine> setTitle(const StyledText& t, double left, double room,
                              const model::SourceLocation& where) {
  std::vector<SetLine> lines;
  for (const LineSpan& span : titleLines(t, room, where)) {
    lines.push_back(setLine(t, span, left + (room - span.width) / 2));
  }
  return lines;
}

}  // namespace gongwen::layout
