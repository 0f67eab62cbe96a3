// FontFace against FreeType as the independent reader of the font programs it produces.

#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_FONT_FORMATS_H

#include "pipeline/fonts/FontLibrary.h"

namespace gongwen::fonts {
namespace {

const FontLibrary& library() {
  static const FontLibrary instance(FontConfig::defaults());
  return instance;
}

// A font program opened from memory with FreeType.
class FreeTypeFont {
 public:
  explicit FreeTypeFont(const std::string& bytes) : bytes_(bytes) {
    EXPECT_EQ(FT_Init_FreeType(&library_), 0);
    ok_ = FT_New_Memory_Face(library_, reinterpret_cast<const FT_Byte*>(bytes_.data()),
                             static_cast<FT_Long>(bytes_.size()), 0, &face_) == 0;
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

 private:
  std::string bytes_;
  FT_Library library_ = nullptr;
  FT_Face face_ = nullptr;
  bool ok_ = false;
};

TEST(FontFace, CjkGlyphsAreFullWidth) {
  for (FontRole role : kAllRoles) {
    const FontFace& face = library().face(role);
    const auto glyph = face.glyphFor(U'国');
    ASSERT_TRUE(glyph) << roleName(role);
    EXPECT_NEAR(face.advance(*glyph, 16), 16.0, 1e-9) << roleName(role);
    EXPECT_GT(face.ascender(), 0) << roleName(role);
    EXPECT_LT(face.descender(), 0) << roleName(role);
    ASSERT_EQ(face.bbox().size(), 4u);
  }
}

TEST(FontFace, MissingGlyphIsReportedNotBlank) {
  const FontFace& face = library().face(FontRole::Fangsong);
  EXPECT_FALSE(face.glyphFor(U'\U0001F600'));
  EXPECT_FALSE(face.glyphFor(U'\u0E01'));  // Thai: not in a GB 2312 font
}

// Content codes of CFF fonts are CIDs: the subset must draw exactly the asked-for glyphs under
// their original CIDs, whatever their glyph ids became. FreeType, like a PDF reader, addresses
// the glyphs of a bare CID-keyed CFF program by CID.
void expectCidKeyedSubset(const FontFace& face, const std::u32string& wanted, char32_t notWanted) {
  std::vector<uint32_t> glyphs;
  for (char32_t c : wanted) glyphs.push_back(*face.glyphFor(c));
  FreeTypeFont subset(face.subset(glyphs));
  ASSERT_TRUE(subset.ok());
  EXPECT_STREQ(FT_Get_Font_Format(subset.face()), "CFF");
  FT_Bool cidKeyed = 0;
  ASSERT_EQ(FT_Get_CID_Is_Internally_CID_Keyed(subset.face(), &cidKeyed), 0);
  ASSERT_TRUE(cidKeyed);
  for (uint32_t glyph : glyphs)
    EXPECT_GT(subset.points(face.cidFor(glyph)), 0) << "CID " << face.cidFor(glyph);
  EXPECT_LE(subset.points(face.cidFor(*face.glyphFor(notWanted))), 0) << "a glyph not asked for is dropped";
  size_t drawn = 0;  // besides .notdef (CID 0)
  for (FT_Long cid = 1; cid < subset.face()->num_glyphs; ++cid)
    drawn += subset.points(static_cast<uint32_t>(cid)) > 0;
  EXPECT_EQ(drawn, glyphs.size());
}

TEST(FontFace, CidKeyedCffSubsetKeepsCidsAndDropsOtherGlyphs) {
  const FontFace& face = library().face(FontRole::Fangsong);
  expectCidKeyedSubset(face, U"中文", U'国');
  EXPECT_LT(face.subset({*face.glyphFor(U'中')}).size(), 20000u);
}

TEST(FontFace, CollectionFaceSubsetsToItsOwnCff) {
  expectCidKeyedSubset(library().face(FontRole::Xiaobiaosong), U"通知", U'国');
}

TEST(FontFace, GlyfSubsetIsATrueTypeFontWithGlyphIdsKept) {
  const FontFace& face = library().face(FontRole::Songti);
  const uint32_t one = *face.glyphFor(U'一'), two = *face.glyphFor(U'二');
  EXPECT_EQ(face.cidFor(one), one);
  FreeTypeFont subset(face.subset({one}));
  ASSERT_TRUE(subset.ok());
  EXPECT_STREQ(FT_Get_Font_Format(subset.face()), "TrueType");
  EXPECT_GT(subset.points(one), 0);
  EXPECT_LE(subset.points(two), 0);
}

TEST(FontFace, PreparedFacesSubsetToTheSameBytes) {
  for (FontRole role : {FontRole::Songti, FontRole::Heiti}) {  // glyf and CFF; small enough to prepare fast
    const FontFace& face = library().face(role);
    const std::vector<uint32_t> glyphs{*face.glyphFor(U'一'), *face.glyphFor(U'公'), *face.glyphFor(U'文')};
    const std::string before = face.subset(glyphs);
    face.prepareForRepeatedSubsetting();
    EXPECT_EQ(face.subset(glyphs), before) << roleName(role);
  }
}

}  // namespace
}  // namespace gongwen::fonts
