#pragma once
// What layout needs to know about fonts: whether a role's face has a glyph, and how wide it is.
// The production implementation reads the FontLibrary; unit tests of line breaking may supply
// their own widths.

#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/fonts/FontRole.h"

namespace gongwen::layout {

class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  // Whether one of the role's faces has a glyph for `c`.
  virtual bool hasGlyph(fonts::FontRole role, char32_t c) const = 0;
  // Which of the role's faces draws `c` (FontLibrary::face(role, index)); only asked for
  // characters that have a glyph.
  virtual unsigned faceFor(fonts::FontRole, char32_t) const { return 0; }
  // Advance of `c` at `sizePt` in the face that draws it, in points; only asked for characters
  // that have a glyph.
  virtual double advance(fonts::FontRole role, char32_t c, double sizePt) const = 0;
  // The face's family name, for messages.
  virtual std::string fontName(fonts::FontRole role) const = 0;
};

class FontLibraryMetrics final : public GlyphMetrics {
 public:
  explicit FontLibraryMetrics(const fonts::FontLibrary& fonts);
  bool hasGlyph(fonts::FontRole role, char32_t c) const override;
  unsigned faceFor(fonts::FontRole role, char32_t c) const override;
  double advance(fonts::FontRole role, char32_t c, double sizePt) const override;
  std::string fontName(fonts::FontRole role) const override;

 private:
  const fonts::FontLibrary& fonts_;
};

}  // namespace gongwen::layout
