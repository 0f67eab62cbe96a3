#pragma once
// What a document draws in each font role: first the glyphs and the characters they stand for,
// then, once the role's subset is made, the content code of each glyph.

#include <cstdint>
#include <map>
#include <string>

#include "pipeline/fonts/FontRole.h"

namespace gongwen::pdf {

// One embedded font: a role's face (0 its first family, more for the characters that one lacks).
struct FaceKey {
  fonts::FontRole role = fonts::FontRole::Fangsong;
  unsigned face = 0;
  bool operator<(const FaceKey& o) const { return role != o.role ? role < o.role : face < o.face; }
};

// Glyph id -> the first character drawn with it (its ToUnicode entry). Ordered, so that
// everything written from it comes out in the same order every time.
using DrawnGlyphs = std::map<uint32_t, char32_t>;
using DrawnGlyphsByRole = std::map<FaceKey, DrawnGlyphs>;

// Glyph id -> content code in the face's subset font.
using CodeByGlyph = std::map<uint32_t, uint32_t>;
using CodesByRole = std::map<FaceKey, CodeByGlyph>;

struct UsedGlyph {
  uint32_t glyph = 0;
  char32_t ch = 0;
};

// Content code -> glyph and character, in code order: how /W and ToUnicode are written.
using GlyphUse = std::map<uint32_t, UsedGlyph>;

// A 2-byte content code (or UTF-16 code unit) as four upper-case hex digits, as the page content
// and the ToUnicode CMap write it. Not printf: a page draws each of its characters with one.
inline std::string hex4(uint32_t value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {kDigits[(value >> 12) & 15], kDigits[(value >> 8) & 15], kDigits[(value >> 4) & 15],
          kDigits[value & 15]};
}

}  // namespace gongwen::pdf
