#pragma once
// A run of text to set, each character tagged with its style, plus its measured widths. One
// paragraph is one StyledText: its buffers are allocated once, never per character.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fonts/FontRole.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

struct TextStyle {
  fonts::FontRole role = fonts::FontRole::Fangsong;
  double sizePt = kSize3;
  Color color = kBlack;
  unsigned face = 0;  // which of the role's faces: set by measure() for the characters that need it
};

// 5.2.2: every element is 3号 仿宋 unless the standard says otherwise.
inline constexpr TextStyle kBodyStyle{fonts::FontRole::Fangsong, kSize3, kBlack};

// 3号 in another role (黑体 labels, 楷体 names).
constexpr TextStyle bodySizeIn(fonts::FontRole role) { return {role, kSize3, kBlack}; }

struct StyledText {
  std::u32string text;
  std::vector<uint8_t> styleOf;  // index into styles, one per character
  std::vector<TextStyle> styles;
  std::vector<double> widths;  // filled by measure()
  // Filled by measure(): how much of its width each character gives up when it ends a line that
  // needs it (GB/T 15834 5.1.10: the blank half of a stop or closing mark set full width; 0 else).
  std::vector<double> compressibleAtLineEnd;

  // Appends UTF-8 `utf8` in `style`; `where` names the source for encoding errors.
  void append(std::string_view utf8, const TextStyle& style, const model::SourceLocation& where);
  const TextStyle& styleAt(size_t i) const { return styles[styleOf[i]]; }
  // The index of `style` in styles, added when new.
  uint8_t styleIndex(const TextStyle& style);
  double width(size_t begin, size_t end) const;
};

// Fills `t.widths`: one 字 for full-width characters, the font's advance otherwise, and the
// first of two adjacent marks half a 字 less (CLREQ 3.1.6.2: two marks take 1.5 字). Throws
// Error(InputInvalid, "font.missing-glyph") naming the character, `where` and the font role
// for any character the role's face cannot draw.
void measure(StyledText& t, const GlyphMetrics& metrics, const model::SourceLocation& where);

// Convenience: one style, measured.
StyledText styledText(std::string_view utf8, const TextStyle& style, const GlyphMetrics& metrics,
                      const model::SourceLocation& where);

}  // namespace gongwen::layout
