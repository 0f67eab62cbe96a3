#pragma once
// What layout needs to know about fonts: whether a role's face has a glyph, and how wide it is.
// The production implementation reads the FontLibrary; unit tests of line breaking may supply
// their own widths.

#include <array>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/fonts/FontRole.h"

namespace gongwen::layout {

class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  virtual bool hasGlyph(fonts::FontRole role, char32_t c) const = 0;
  // Advance of `c` at `sizePt`, in points; only asked for characters that have a glyph.
  virtual double advance(fonts::FontRole role, char32_t c, double sizePt) const = 0;
  // The face's family name, for messages.
  virtual std::string fontName(fonts::FontRole role) const = 0;
};

class FontLibraryMetrics final : public GlyphMetrics {
 public:
  explicit FontLibraryMetrics(const fonts::FontLibrary& fonts);
  bool hasGlyph(fonts::FontRole role, char32_t c) const override;
  double advance(fonts::FontRole role, char32_t c, double sizePt) const override;
  std::string fontName(fonts::FontRole role) const override;

 private:
  const fonts::FontFace& face(fonts::FontRole role) const { return *faces_[static_cast<size_t>(role)]; }
  std::array<const fonts::FontFace*, std::size(fonts::kAllRoles)> faces_{};
};

}  // namespace gongwen::layout
