#include "pipeline/layout/GlyphMetrics.h"

namespace gongwen::layout {

FontLibraryMetrics::FontLibraryMetrics(const fonts::FontLibrary& fonts) : fonts_(fonts) {}

bool FontLibraryMetrics::hasGlyph(fonts::FontRole role, char32_t c) const {
  return fonts_.faceWithGlyph(role, c).has_value();
}

unsigned FontLibraryMetrics::faceFor(fonts::FontRole role, char32_t c) const {
  return fonts_.faceWithGlyph(role, c).value_or(0);
}

double FontLibraryMetrics::advance(fonts::FontRole role, char32_t c, double sizePt) const {
  const fonts::FontFace& face = fonts_.face(role, faceFor(role, c));
  const auto glyph = face.glyphFor(c);
  return glyph ? face.advance(*glyph, sizePt) : 0.0;
}

std::string FontLibraryMetrics::fontName(fonts::FontRole role) const {
  return fonts_.face(role).familyName();
}

}  // namespace gongwen::layout
