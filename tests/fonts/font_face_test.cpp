// FontFace against FreeType as the independent reader of the font programs it produces.

#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_FONT_FORMATS_H
#include FT_TRUETYPE_TABLES_H

#include <map>
#include <set>

#include "pipeline/fonts/FontLibrary.h"
#include "tests/fonts/FreeTypeFont.h"

namespace gongwen::fonts {
namespace {

using gongwen::testing::FreeTypeFont;

// Each character's glyph in `face`, as the PDF writer hands them to subset().
std::map<uint32_t, char32_t> drawn(const FontFace& face, const std::u32string& text) {
  std::map<uint32_t, char32_t> glyphs;
  for (char32_t c : text) glyphs.emplace(*face.glyphFor(c), c);
  return glyphs;
}

const FontLibrary& library() {
  static const FontLibrary instance(FontConfig::defaults());
  return instance;
}

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

// Content codes of CID-keyed CFF fonts are CIDs: the subset must draw exactly the asked-for
// glyphs under their original CIDs, whatever their glyph ids became. FreeType, like a PDF reader,
// addresses the glyphs of a bare CID-keyed CFF program by CID.
void expectCidKeyedSubset(const FontFace& face, const std::u32string& wanted) {
  std::vector<uint32_t> glyphs;
  for (char32_t c : wanted) glyphs.push_back(*face.glyphFor(c));
  const FontSubset subset = face.subset(drawn(face, wanted));
  FreeTypeFont program(subset.program), original(face);
  ASSERT_TRUE(program.ok());
  ASSERT_TRUE(original.ok());
  EXPECT_STREQ(FT_Get_Font_Format(program.face()), "CFF");
  FT_Bool cidKeyed = 0;
  ASSERT_EQ(FT_Get_CID_Is_Internally_CID_Keyed(program.face(), &cidKeyed), 0);
  ASSERT_TRUE(cidKeyed);
  ASSERT_EQ(subset.codeByGlyph.size(), glyphs.size());
  for (uint32_t glyph : glyphs) {
    FT_UInt cid = 0;
    ASSERT_EQ(FT_Get_CID_From_Glyph_Index(original.face(), glyph, &cid), 0);
    EXPECT_EQ(subset.codeByGlyph.at(glyph), cid) << "glyph " << glyph;
    EXPECT_GT(program.points(cid), 0) << "CID " << cid;
  }
  size_t drawn = 0;  // besides .notdef (CID 0): nothing that was not asked for
  for (FT_Long cid = 1; cid < program.face()->num_glyphs; ++cid)
    drawn += program.points(static_cast<uint32_t>(cid)) > 0;
  EXPECT_EQ(drawn, glyphs.size());
}

TEST(FontFace, CidKeyedCffSubsetKeepsCidsAndDropsOtherGlyphs) {
  const FontFace& face = library().face(FontRole::Fangsong);
  expectCidKeyedSubset(face, U"中文");
  EXPECT_LT(face.subset(drawn(face, U"中")).program.size(), 20000u);
}

TEST(FontFace, CollectionFaceSubsetsToItsOwnCff) {
  FontConfig config = FontConfig::defaults();
  config.families[FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
  const FontLibrary noto(config);
  ASSERT_EQ(noto.face(FontRole::Xiaobiaosong).faceIndex(), 2u);
  expectCidKeyedSubset(noto.face(FontRole::Xiaobiaosong), U"通知");
}

// A glyf subset is renumbered: each code must draw, in the subset, the very glyph it was given
// for, and the subset must hold only those glyphs (plus .notdef), not an empty slot per glyph
// of the font.
TEST(FontFace, GlyfSubsetIsRenumberedAndItsCodesDrawTheirGlyphs) {
  const FontFace& face = library().face(FontRole::Songti);
  ASSERT_FALSE(face.isCff());
  std::vector<uint32_t> glyphs;
  for (char32_t c : std::u32string(U"—0123456789一二")) glyphs.push_back(*face.glyphFor(c));
  const FontSubset subset = face.subset(drawn(face, U"—0123456789一二"));
  FreeTypeFont program(subset.program), original(face);
  ASSERT_TRUE(program.ok());
  ASSERT_TRUE(original.ok());
  EXPECT_STREQ(FT_Get_Font_Format(program.face()), "TrueType");
  EXPECT_EQ(program.face()->num_glyphs, static_cast<FT_Long>(glyphs.size() + 1));
  EXPECT_LT(subset.program.size(), 10000u);
  ASSERT_EQ(subset.codeByGlyph.size(), glyphs.size());
  std::set<uint32_t> codes;
  for (uint32_t glyph : glyphs) {
    const uint32_t code = subset.codeByGlyph.at(glyph);
    codes.insert(code);
    EXPECT_GT(code, 0u) << "glyph " << glyph << " drawn as .notdef";
    EXPECT_EQ(program.outline(code), original.outline(glyph)) << "glyph " << glyph << ", code " << code;
  }
  EXPECT_EQ(codes.size(), glyphs.size()) << "two glyphs share a code";
}

// subset() finds glyphs through their characters; a glyph handed over with a character that is not
// its own must still be the glyph kept, as when subsetting by glyph ids.
TEST(FontFace, AGlyphWithAnotherCharacterIsStillTheGlyphKept) {
  for (FontRole role : {FontRole::Songti, FontRole::Fangsong}) {  // glyf and CID-keyed CFF
    const FontFace& face = library().face(role);
    const uint32_t zhong = *face.glyphFor(U'中');
    const FontSubset byCharacter = face.subset({{zhong, U'中'}});
    const FontSubset mislabelled = face.subset({{zhong, U'文'}});
    EXPECT_EQ(mislabelled.program, byCharacter.program) << roleName(role);
    EXPECT_EQ(mislabelled.codeByGlyph, byCharacter.codeByGlyph) << roleName(role);
    EXPECT_NE(face.subset({{*face.glyphFor(U'文'), U'文'}}).program, byCharacter.program) << roleName(role);
  }
}

TEST(FontFace, PreparedFacesSubsetToTheSameBytes) {
  for (FontRole role : {FontRole::Songti, FontRole::Heiti}) {  // glyf and CFF; small enough to prepare fast
    const FontFace& face = library().face(role);
    const auto glyphs = drawn(face, U"一公文");
    const FontSubset before = face.subset(glyphs);
    face.prepareForRepeatedSubsetting();
    const FontSubset after = face.subset(glyphs);
    EXPECT_EQ(after.program, before.program) << roleName(role);
    EXPECT_EQ(after.codeByGlyph, before.codeByGlyph) << roleName(role);
  }
}

// The descriptor metrics are read from the font's tables, no longer through FreeType: they must be
// what FreeType reads, for CFF and glyf fonts, a collection's face and a font HarfBuzz subsets.
TEST(FontFace, DescriptorMetricsAreFreeTypes) {
  FontConfig config = FontConfig::defaults();
  config.families[FontRole::Kaiti] = {"AR PL KaitiM GB"};
  config.families[FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
  const FontLibrary others(config);
  std::vector<const FontFace*> faces;
  for (FontRole role : kAllRoles) faces.push_back(&library().face(role));
  for (FontRole role : {FontRole::Kaiti, FontRole::Xiaobiaosong}) faces.push_back(&others.face(role));
  for (const FontFace* face : faces) {
    const FreeTypeFont reference(*face);
    ASSERT_TRUE(reference.ok()) << face->path();
    const FT_Face ft = reference.face();
    const double scale = 1000.0 / ft->units_per_EM;
    EXPECT_EQ(face->postscriptName(), FT_Get_Postscript_Name(ft)) << face->path();
    EXPECT_DOUBLE_EQ(face->ascender(), ft->ascender * scale) << face->path();
    EXPECT_DOUBLE_EQ(face->descender(), ft->descender * scale) << face->path();
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2));
    ASSERT_NE(os2, nullptr) << face->path();
    EXPECT_DOUBLE_EQ(face->capHeight(), os2->version >= 2 && os2->sCapHeight > 0 ? os2->sCapHeight * scale
                                                                                 : ft->ascender * scale)
        << face->path();
    const std::vector<double> bbox = {ft->bbox.xMin * scale, ft->bbox.yMin * scale, ft->bbox.xMax * scale,
                                      ft->bbox.yMax * scale};
    EXPECT_EQ(face->bbox(), bbox) << face->path();
  }
}

}  // namespace
}  // namespace gongwen::fonts
