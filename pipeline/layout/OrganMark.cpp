#include "pipeline/layout/OrganMark.h"

#include <algorithm>

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {
namespace {

// The standard leaves the size to the organ ("醒目、美观、庄重"); 初号 is the usual choice, made
// smaller only when the mark would not fit the 版心 width.
constexpr double kLargestMarkSize = 42;
constexpr double kStackLeading = 1.2;  // stacked names: line distance in em
constexpr double kSuffixGap = 0.5;     // between the stacked names and the suffix, in em

TextStyle markStyle(double size) { return {fonts::FontRole::Xiaobiaosong, size, kRed}; }

double naturalWidth(const std::string& utf8, double size, const GlyphMetrics& metrics,
                    const model::SourceLocation& where) {
  const StyledText t = styledText(utf8, markStyle(size), metrics, where);
  return t.width(0, t.text.size());
}

// Places `utf8` on `baseline` from `left`, spread to `width` when that is wider than the text.
void placeSpread(const std::string& utf8, double size, double left, double width, double baseline,
                 const GlyphMetrics& metrics, const model::SourceLocation& where, Page& page) {
  const StyledText t = styledText(utf8, markStyle(size), metrics, where);
  placeLine(setLine(t, wholeSpan(t), left, width), baseline, page);
}

}  // namespace

double placeOrganMark(const std::vector<model::Text>& names, const std::string& suffix, double top,
                      const GlyphMetrics& metrics, Page& page) {
  if (names.empty()) return top;
  const model::SourceLocation& where = names.front().where;
  if (names.size() == 1) {
    const std::string text = names.front().value + suffix;
    const double natural = naturalWidth(text, kLargestMarkSize, metrics, where);
    const double size = kLargestMarkSize * std::min(1.0, kTypeWidth / natural);
    const double width = natural * size / kLargestMarkSize;
    placeSpread(text, size, kTypeLeft + (kTypeWidth - width) / 2, 0, baselineBelowEmTop(top, size), metrics,
                where, page);
    return top - size;
  }
  double namesWidth = 0;
  for (const model::Text& name : names) {
    namesWidth = std::max(namesWidth, naturalWidth(name.value, kLargestMarkSize, metrics, name.where));
  }
  const double suffixWidth = suffix.empty() ? 0 : naturalWidth(suffix, kLargestMarkSize, metrics, where);
  const double gap = suffix.empty() ? 0 : kSuffixGap * kLargestMarkSize;
  const double natural = namesWidth + gap + suffixWidth;
  const double scale = std::min(1.0, kTypeWidth / natural);
  const double size = kLargestMarkSize * scale;
  const double left = kTypeLeft + (kTypeWidth - natural * scale) / 2;
  const double leading = kStackLeading * size;
  for (size_t i = 0; i < names.size(); ++i) {
    placeSpread(names[i].value, size, left, namesWidth * scale, baselineBelowEmTop(top - i * leading, size),
                metrics, names[i].where, page);
  }
  const double height = (names.size() - 1) * leading + size;
  if (!suffix.empty()) {
    const double suffixTop = top - (height - size) / 2;
    placeSpread(suffix, size, left + (namesWidth + gap) * scale, 0, baselineBelowEmTop(suffixTop, size),
                metrics, where, page);
  }
  return top - height;
}

}  // namespace gongwen::layout
