#include "pipeline/layout/GlyphMetrics.h"

namespace gongwen::layout {

FontLibraryMetrics::FontLibraryMetrics(const fonts::FontLibrary& fonts) {
  for (fonts::FontRole role : fonts::kAllRoles) faces_[static_cast<size_t>(role)] = &fonts.face(role);
}

bool FontLibraryMetrics::hasGlyph(fonts::FontRole role, char32_t c) const {
  return face(role).glyphFor(c).has_value();
}

double FontLibraryMetrics::advance(fonts::FontRole role, char32_t c, double sizePt) const {
  const auto glyph = face(role).glyphFor(c);
  return glyph ? face(role).advance(*glyph, sizePt) : 0.0;
}

std::string FontLibraryMetrics::fontName(fonts::FontRole role) const { return face(role).familyName(); }

}  // namespace gongwen::layout
