#include "pipeline/layout/StyledText.h"

#include <algorithm>

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/PunctuationTable.h"

namespace gongwen::layout {

uint8_t StyledText::styleIndex(const TextStyle& style) {
  size_t index = 0;
  while (index < styles.size() &&
         !(styles[index].role == style.role && styles[index].sizePt == style.sizePt &&
           styles[index].color == style.color && styles[index].face == style.face)) {
    ++index;
  }
  if (index == styles.size()) styles.push_back(style);
  return static_cast<uint8_t>(index);
}

void StyledText::append(std::string_view utf8, const TextStyle& style, const model::SourceLocation& where) {
  const uint8_t index = styleIndex(style);
  const std::u32string chars = toUtf32(utf8, where.describe());
  text += chars;
  styleOf.insert(styleOf.end(), chars.size(), index);
}

double StyledText::width(size_t begin, size_t end) const {
  double sum = 0;
  for (size_t i = begin; i < end; ++i) sum += widths[i];
  return sum;
}

namespace {

// GB/T 15834 5.1.2: stacked question and exclamation marks share their 字 (？！ one, ？？！ two).
void shareStackedMarks(StyledText& t) {
  size_t i = 0;
  while (i < t.text.size()) {
    size_t end = i;
    while (end < t.text.size() && hasClass(t.text[end], kStackedShareCells) && t.styleOf[end] == t.styleOf[i])
      ++end;
    if (end - i >= 2) {
      const double n = static_cast<double>(end - i);
      for (size_t k = i; k < end; ++k) t.widths[k] *= (n - 1) / n;
    }
    i = std::max(end, i + 1);
  }
}

// CLREQ 3.1.6.2: two adjacent marks take 1.5 字, not 2; the blank half between them goes, so that
// opening and closing marks stand close to what they enclose: a stop or closing mark gives up
// its right half before another mark, an opening mark its left half after another opening mark.
// A stop or closing mark still set full width may give up its right half at a line's end.
void compressAdjacentMarks(StyledText& t) {
  const size_t n = t.text.size();
  t.compressibleAtLineEnd.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = t.text[i];
    if (punctuationClass(c) == 0) continue;  // one look-up for the characters that are no mark
    const bool right = blankOnRight(c);
    if (!right && !(blankOnLeft(c) && i > 0 && blankOnLeft(t.text[i - 1]))) continue;
    const double half = charCell(t.styleAt(i).sizePt) / 2;
    if (t.widths[i] < 2 * half) continue;  // sharing its 字 already (？！)
    const bool markFollows =
        right && i + 1 < n && (blankOnRight(t.text[i + 1]) || blankOnLeft(t.text[i + 1]));
    if (right && !markFollows) {
      t.compressibleAtLineEnd[i] = half;
    } else {
      t.widths[i] = half;
    }
  }
}

}  // namespace

void measure(StyledText& t, const GlyphMetrics& metrics, const model::SourceLocation& where) {
  t.widths.resize(t.text.size());
  for (size_t i = 0; i < t.text.size(); ++i) {
    const char32_t c = t.text[i];
    const TextStyle style = t.styleAt(i);  // a copy: a fallback face adds to t.styles below
    const bool fullWidth = isFullWidth(c);
    if (isSpace(c)) {
      // Spaces are never drawn, so a face without one is no error.
      const bool drawable = metrics.hasGlyph(style.role, c);
      t.widths[i] = fullWidth  ? charCell(style.sizePt)
                    : drawable ? metrics.advance(style.role, c, style.sizePt)
                               : style.sizePt / 4;
      continue;
    }
    if (!metrics.hasGlyph(style.role, c)) {
      const std::string role(fonts::roleDisplayName(style.role));
      throw inputError("font.missing-glyph", where.describe() + ": the " + role + " font (" +
                                                 metrics.fontName(style.role) + ") has no glyph for " +
                                                 describeChar(c) +
                                                 "; replace the character or add a font that has it to the " +
                                                 role + " role in fonts.xml");
    }
    // A character the role's first family lacks is drawn from the next family that has it.
    if (const unsigned face = metrics.faceFor(style.role, c); face != style.face) {
      TextStyle fallback = style;
      fallback.face = face;
      t.styleOf[i] = t.styleIndex(fallback);
    }
    t.widths[i] = fullWidth ? charCell(style.sizePt) : metrics.advance(style.role, c, style.sizePt);
  }
  shareStackedMarks(t);
  compressAdjacentMarks(t);
}

StyledText styledText(std::string_view utf8, const TextStyle& style, const GlyphMetrics& metrics,
                      const model::SourceLocation& where) {
  StyledText t;
  t.append(utf8, style, where);
  measure(t, metrics, where);
  return t;
}

}  // namespace gongwen::layout
