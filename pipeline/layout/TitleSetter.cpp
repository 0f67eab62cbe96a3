#include "pipeline/layout/TitleSetter.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/PunctuationTable.h"
#include "pipeline/layout/TitleBreaks.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;
// Two costs this close are a tie (the same widths in another order): the earlier breaks win.
constexpr double kSameCost = 1e-6;
// A short title may read better in a line or two more than it needs (at seams, in a better
// shape); a long one only grows, and searching its extra lines would multiply the work.
constexpr int kExtraLinesTried = 2;
constexpr int kMostLinesWorthExtending = 4;
// Far above what any title within the limits needs (a 300-字 title weighs a few thousand lines);
// only text of zero-width characters could reach it, and it then gets plain line breaking.
constexpr size_t kMaxCandidateLines = 4'000'000;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The cost of a title is the sum of what a reader notices, in one unit: where it breaks, its
// shape, how uneven its lines are and how many it takes. A break inside a term costs more than
// every other choice together, so it is taken only when nothing else fits (and then reported).
double breakCost(TitleBreakKind kind) {
  switch (kind) {
    case TitleBreakKind::Seam:
      return 0;
    case TitleBreakKind::MinorSeam:
      return 0.5;
    case TitleBreakKind::Word:
      return 4;
    case TitleBreakKind::AfterCount:
      return 6;
    case TitleBreakKind::InsideTerm:
      return 1000;
  }
  return 1000;
}
// 正梯形 (上短下长) is the form to aim for; a 菱形 is nearly as good; 上长下短 or equal lines only
// when the breaks that read best ask for them (a seam saves more than this costs).
constexpr double kDiamondCost = 0.5;
constexpr double kEqualLinesCost = 1.0;
constexpr double kTopHeavyCost = 1.5;
constexpr double kExtraLineCost = 3;
// Weight of Σ((width − even share) / room)²: two lines of 2 and 20 字 cost about 8.
constexpr double kUnevennessWeight = 20;

double visibleWidth(const StyledText& t, size_t begin, size_t end) {
  while (end > begin && isSpace(t.text[end - 1])) --end;
  return t.width(begin, end);
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

// The cheapest breaking for a given number of lines, by dynamic programming over the break
// points: a state is the line just set (its first and last break point), how many lines are set
// and whether the widths have risen and fallen so far; its value is the cheapest way to set the
// rest, the whole title's shape included.
class TitleSearch {
 public:
  TitleSearch(const StyledText& t, const std::vector<TitleBreak>& breaks, double room,
              TitleSearchStats& stats)
      : room_(room), stats_(stats) {
    points_.push_back(0);
    kinds_.push_back(TitleBreakKind::Seam);
    for (const TitleBreak& b : breaks) {
      points_.push_back(b.at);
      kinds_.push_back(b.kind);
    }
    points_.push_back(t.text.size());
    kinds_.push_back(TitleBreakKind::Seam);
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

  struct Result {
    double cost = kInfinity;
    std::vector<size_t> ends;  // break point indices, the text's end last
  };

  // The cheapest breaking into `lines` lines; no ends when no shaped one exists or the search
  // would exceed kMaxCandidateLines.
  Result best(int lines) {
    if (lines < fewestLines()) return {};
    lines_ = lines;
    evenWidth_ = width(0, points_.size() - 1) / lines;
    slots_ = static_cast<size_t>(lines - fewestLines() + 1);
    memo_.assign(lineId_.back() * slots_ * kShapes, Memo{});
    Result result;
    size_t bestFirst = 0;
    for (size_t first = 1; first <= lastEnd_[0]; ++first) {
      if (fewestFrom_[first] + 1 > lines) continue;
      ++stats_.candidateLines;
      const double cost = lineCost(width(0, first)) + rest(0, first, 1, 0);
      if (cost < result.cost - kSameCost) {
        result.cost = cost;
        bestFirst = first;
      }
    }
    if (result.cost == kInfinity || stats_.candidateLines > kMaxCandidateLines) return {};
    size_t s = 0, e = bestFirst;
    unsigned shape = 0;
    result.ends.push_back(e);
    for (int j = 1; j < lines_; ++j) {
      const size_t next = memoOf(s, e, j, shape).next;
      shape = shapeAfter(width(s, e), width(e, next), shape);
      s = e;
      e = next;
      result.ends.push_back(e);
    }
    return result;
  }

  size_t point(size_t p) const { return points_[p]; }
  TitleBreakKind kind(size_t p) const { return kinds_[p]; }

 private:
  static constexpr int kUnreachable = std::numeric_limits<int>::max() / 2;
  // Shape flags of the widths so far.
  static constexpr unsigned kRose = 1;
  static constexpr unsigned kFell = 2;
  static constexpr size_t kShapes = 4;

  struct Memo {
    bool known = false;
    double cost = kInfinity;
    size_t next = 0;
  };

  double lineCost(double width) const {
    const double off = (width - evenWidth_) / room_;
    return kUnevennessWeight * off * off;
  }

  static double shapeCost(unsigned shape) {
    if (shape == (kRose | kFell)) return kDiamondCost;
    if (shape == kFell) return kTopHeavyCost;
    if (shape == 0) return kEqualLinesCost;
    return 0;
  }

  double width(size_t s, size_t e) const {
    return prefix_[std::max(points_[s], visibleEnd_[e])] - prefix_[points_[s]];
  }

  static unsigned shapeAfter(double previous, double width, unsigned shape) {
    if (width > previous + kEpsilon) shape |= kRose;
    if (width < previous - kEpsilon) shape |= kFell;
    return shape;
  }

  Memo& memoOf(size_t s, size_t e, int linesSet, unsigned shape) {
    const size_t slot = static_cast<size_t>(linesSet - fewestTo_[e]);
    return memo_[((lineId_[s] + (e - s - 1)) * slots_ + slot) * kShapes + shape];
  }

  // The cheapest way to set the text after line (s, e), the `linesSet`-th, in the lines left.
  double rest(size_t s, size_t e, int linesSet, unsigned shape) {
    if (e == points_.size() - 1) return linesSet == lines_ ? shapeCost(shape) : kInfinity;
    Memo& memo = memoOf(s, e, linesSet, shape);
    if (memo.known) return memo.cost;
    memo = Memo{true, kInfinity, 0};
    const double previous = width(s, e);
    const double here = breakCost(kinds_[e]);
    for (size_t next = e + 1; next <= lastEnd_[e]; ++next) {
      if (linesSet + 1 + fewestFrom_[next] > lines_) continue;
      if (stats_.candidateLines > kMaxCandidateLines) break;
      ++stats_.candidateLines;
      const double w = width(e, next);
      if ((shape & kFell) && w > previous + kEpsilon) continue;  // an hourglass
      const double cost = here + lineCost(w) + rest(e, next, linesSet + 1, shapeAfter(previous, w, shape));
      if (cost < memo.cost - kSameCost) {
        memo.cost = cost;
        memo.next = next;
      }
    }
    return memo.cost;
  }

  double room_;
  TitleSearchStats& stats_;
  std::vector<size_t> points_;         // 0, every allowed break, the end of the text
  std::vector<TitleBreakKind> kinds_;  // how each point reads as a break
  std::vector<double> prefix_;         // width of text[0, i)
  std::vector<size_t> visibleEnd_;     // a line ending at point p ends visibly here (spaces dropped)
  std::vector<size_t> lastEnd_;        // the farthest point a line from point s can reach
  std::vector<size_t> lineId_;         // lines from point s are numbered from lineId_[s]
  std::vector<int> fewestFrom_;        // fewest lines from point s to the end
  std::vector<int> fewestTo_;          // fewest lines from the start to point s
  int lines_ = 0;
  double evenWidth_ = 0;
  size_t slots_ = 0;
  std::vector<Memo> memo_;
};

LayoutProblem problemAt(const StyledText& t, const model::SourceLocation& where, const char* rule,
                        size_t offset, size_t length) {
  return {rule, where.file, where.line, where.xpath, t.text, offset, length};
}

}  // namespace

bool isTrapezoidOrDiamond(const std::vector<double>& widths) {
  size_t i = 1;
  while (i < widths.size() && widths[i] >= widths[i - 1] - kEpsilon) ++i;
  while (i < widths.size() && widths[i] <= widths[i - 1] + kEpsilon) ++i;
  return i >= widths.size();
}

std::vector<LineSpan> titleLines(const StyledText& t, double room, const model::SourceLocation& where,
                                 const std::vector<std::u32string>& names, TitleSearchStats* stats,
                                 std::vector<LayoutProblem>* problems) {
  const double total = visibleWidth(t, 0, t.text.size());
  const int fewest = std::max(1, static_cast<int>(std::ceil(total / room - kEpsilon)));
  if (fewest > kMaxTitleLines || t.text.size() > kMaxTitleCharacters) refuseLongTitle(t, where, fewest);
  if (fewest > 1) {
    TitleSearchStats discarded;
    const std::vector<TitleBreak> breaks = titleBreaks(t.text, names);
    TitleSearch search(t, breaks, room, stats ? *stats : discarded);
    TitleSearch::Result best;
    const int least = search.fewestLines();
    const int from = std::max(fewest, least);
    const int to = from + (from <= kMostLinesWorthExtending ? kExtraLinesTried : 0);
    for (int lines = from; least <= kMaxTitleLines && lines <= to; ++lines) {
      // Every other cost is ≥ 0: more lines cannot beat a breaking already cheaper than they add.
      if (best.cost <= kExtraLineCost * (lines - least)) break;
      TitleSearch::Result r = search.best(lines);
      r.cost += kExtraLineCost * (lines - least);
      if (!r.ends.empty() && r.cost < best.cost - kSameCost) best = std::move(r);
    }
    if (!best.ends.empty()) {
      std::vector<LineSpan> spans;
      size_t begin = 0;
      for (size_t p : best.ends) {
        const size_t end = search.point(p);
        spans.push_back({begin, end, visibleWidth(t, begin, end), false});
        if (problems && search.kind(p) == TitleBreakKind::InsideTerm) {
          const auto cut =
              std::find_if(breaks.begin(), breaks.end(), [&](const TitleBreak& b) { return b.at == end; });
          problems->push_back(
              problemAt(t, where, "title.break-inside-term", cut->termBegin, cut->termEnd - cut->termBegin));
        }
        begin = end;
      }
      return spans;
    }
  }
  std::vector<LineSpan> lines =
      breakLines(t.text, t.widths, t.compressibleAtLineEnd, lineBreakOpportunities(t.text), room, room);
  if (problems && lines.size() > 1) problems->push_back(problemAt(t, where, "title.shape", 0, t.text.size()));
  return lines;
}

std::vector<SetLine> setTitle(const StyledText& t, double left, double room,
                              const model::SourceLocation& where, const std::vector<std::u32string>& names,
                              std::vector<LayoutProblem>& problems) {
  std::vector<SetLine> lines;
  for (const LineSpan& span : titleLines(t, room, where, names, nullptr, &problems)) {
    lines.push_back(setLine(t, span, left + (room - span.width) / 2));
  }
  return lines;
}

}  // namespace gongwen::layout
