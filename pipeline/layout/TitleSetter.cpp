#include "pipeline/layout/TitleSetter.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/PunctuationTable.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;
constexpr int kExtraLinesTried = 2;

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

// Exhaustive search over word breaks for a fixed line count; titles are short, and choices whose
// line overflows, or whose rest cannot fit the lines left, are pruned early.
class ShapeSearch {
 public:
  ShapeSearch(const StyledText& t, std::vector<size_t> candidates, double room)
      : t_(t), candidates_(std::move(candidates)), room_(room) {}

  std::vector<size_t> best(int lines) {
    bestCost_ = std::numeric_limits<double>::infinity();
    bestEnds_.clear();
    ends_.clear();
    search(0, 0, lines);
    return bestEnds_;
  }

 private:
  void search(size_t begin, size_t firstCandidate, int linesLeft) {
    if (linesLeft == 1) {
      ends_.push_back(t_.text.size());
      if (visibleWidth(t_, begin, t_.text.size()) <= room_ + kEpsilon) consider();
      ends_.pop_back();
      return;
    }
    for (size_t k = firstCandidate; k < candidates_.size(); ++k) {
      const size_t end = candidates_[k];
      if (end <= begin) continue;
      if (visibleWidth(t_, begin, end) > room_ + kEpsilon) break;
      if (t_.width(end, t_.text.size()) > (linesLeft - 1) * room_ + kEpsilon) continue;
      ends_.push_back(end);
      search(end, k + 1, linesLeft - 1);
      ends_.pop_back();
    }
  }

  void consider() {
    std::vector<double> widths;
    size_t begin = 0;
    for (size_t end : ends_) {
      widths.push_back(visibleWidth(t_, begin, end));
      begin = end;
    }
    if (!isTrapezoidOrDiamond(widths)) return;
    double mean = 0;
    for (double w : widths) mean += w / widths.size();
    double cost = 0;
    for (double w : widths) cost += (w - mean) * (w - mean);
    // A small preference, smaller than any real difference in evenness, for the top line being
    // the longest: the form most 公文 titles take.
    if (widths.front() < widths.back() - kEpsilon) cost += 1e-3;
    if (cost < bestCost_) {
      bestCost_ = cost;
      bestEnds_ = ends_;
    }
  }

  const StyledText& t_;
  std::vector<size_t> candidates_;
  double room_;
  std::vector<size_t> ends_;
  std::vector<size_t> bestEnds_;
  double bestCost_ = 0;
};

}  // namespace

bool isTrapezoidOrDiamond(const std::vector<double>& widths) {
  size_t i = 1;
  while (i < widths.size() && widths[i] >= widths[i - 1] - kEpsilon) ++i;
  while (i < widths.size() && widths[i] <= widths[i - 1] + kEpsilon) ++i;
  return i >= widths.size();
}

std::vector<LineSpan> titleLines(const StyledText& t, double room) {
  const std::vector<uint8_t> breaks = lineBreakOpportunities(t.text);
  const double total = visibleWidth(t, 0, t.text.size());
  const int fewest = std::max(1, static_cast<int>(std::ceil(total / room - kEpsilon)));
  if (fewest > 1) {
    const std::vector<uint8_t> words = wordBoundaries(t.text);
    std::vector<size_t> candidates;
    for (size_t i = 1; i < t.text.size(); ++i) {
      if ((breaks[i] & kBreakPreferred) && words[i] && !splitsNumberFromMeasure(t.text[i - 1], t.text[i]))
        candidates.push_back(i);
    }
    ShapeSearch search(t, std::move(candidates), room);
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

std::vector<SetLine> setTitle(const StyledText& t, double left, double room) {
  std::vector<SetLine> lines;
  for (const LineSpan& span : titleLines(t, room)) {
    lines.push_back(setLine(t, span, left + (room - span.width) / 2));
  }
  return lines;
}

}  // namespace gongwen::layout
