#pragma once
// FreeType as the independent reader of font programs: the subsets gongwen writes, and the
// original font files to compare them with. Shared by the font and PDF tests.

#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <string>

#include "pipeline/fonts/FontLibrary.h"

namespace gongwen::testing {

// A font program opened with FreeType, from memory or from its file.
class FreeTypeFont {
 public:
  explicit FreeTypeFont(const std::string& bytes) : bytes_(bytes) {
    EXPECT_EQ(FT_Init_FreeType(&library_), 0);
    ok_ = FT_New_Memory_Face(library_, reinterpret_cast<const FT_Byte*>(bytes_.data()),
                             static_cast<FT_Long>(bytes_.size()), 0, &face_) == 0;
  }
  explicit FreeTypeFont(const fonts::FontFace& original) {
    EXPECT_EQ(FT_Init_FreeType(&library_), 0);
    ok_ = FT_New_Face(library_, original.path().c_str(), static_cast<FT_Long>(original.faceIndex()),
                      &face_) == 0;
  }
  ~FreeTypeFont() {
    if (ok_) FT_Done_Face(face_);
    FT_Done_FreeType(library_);
  }
  bool ok() const { return ok_; }
  FT_Face face() const { return face_; }
  // Number of outline points of a glyph: zero for an empty (dropped) glyph.
  int points(uint32_t glyph) const {
    if (FT_Load_Glyph(face_, glyph, FT_LOAD_NO_SCALE) != 0) return -1;
    return face_->glyph->outline.n_points;
  }
  // A glyph's unscaled outline and advance, as text to compare: equal text, same drawing.
  std::string outline(uint32_t glyph) const {
    if (FT_Load_Glyph(face_, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return "unloadable";
    const FT_Outline& o = face_->glyph->outline;
    std::string text = "advance " + std::to_string(face_->glyph->metrics.horiAdvance) + ":";
    for (short i = 0; i < o.n_contours; ++i) text += " end " + std::to_string(o.contours[i]);
    for (short i = 0; i < o.n_points; ++i) {
      text += " " + std::to_string(o.points[i].x) + "," + std::to_string(o.points[i].y) + "/" +
              std::to_string(o.tags[i] & 1);
    }
    return text;
  }

 private:
  std::string bytes_;
  FT_Library library_ = nullptr;
  FT_Face face_ = nullptr;
  bool ok_ = false;
};

}  // namespace gongwen::testing
