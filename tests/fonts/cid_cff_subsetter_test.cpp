// The CID-keyed CFF subsetter against FreeType as the independent reader of what it writes.

#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "pipeline/fonts/CidCffSubsetter.h"
#include "pipeline/fonts/FontLibrary.h"
#include "tests/fonts/FreeTypeFont.h"

namespace gongwen::fonts {
namespace {

using gongwen::testing::FreeTypeFont;

const FontLibrary& library() {
  static const FontLibrary instance(FontConfig::defaults());
  return instance;
}

std::string cffTableOf(const FontFace& face) {
  hb_blob_t* file = hb_blob_create_from_file(face.path().c_str());
  hb_face_t* hbFace = hb_face_create(file, face.faceIndex());
  hb_blob_t* table = hb_face_reference_table(hbFace, HB_TAG('C', 'F', 'F', ' '));
  unsigned length = 0;
  const char* data = hb_blob_get_data(table, &length);
  std::string bytes(data, length);
  hb_blob_destroy(table);
  hb_face_destroy(hbFace);
  hb_blob_destroy(file);
  return bytes;
}

// A glyph as FreeType's CFF engine renders it at 16 px, hints applied: a subset that dropped the
// hints draws other pixels at the sizes a screen shows body text.
std::string hintedOutline(const FreeTypeFont& font, uint32_t glyph) {
  if (FT_Set_Pixel_Sizes(font.face(), 0, 16) != 0) return "unscalable";
  if (FT_Load_Glyph(font.face(), glyph, FT_LOAD_DEFAULT) != 0) return "unloadable";
  const FT_Outline& o = font.face()->glyph->outline;
  std::string text;
  for (short i = 0; i < o.n_points; ++i)
    text += std::to_string(o.points[i].x) + "," + std::to_string(o.points[i].y) + " ";
  return text;
}

constexpr size_t kNoSubroutines = 64 * 1024;

TEST(CidCffSubsetter, FandolGlyphsKeepTheirCidsOutlinesAndHints) {
  for (FontRole role : {FontRole::Fangsong, FontRole::Xiaobiaosong, FontRole::Heiti, FontRole::Kaiti}) {
    const FontFace& face = library().face(role);
    const std::string cff = cffTableOf(face);
    const auto subsetter = CidCffSubsetter::parse(cff, kNoSubroutines);
    ASSERT_TRUE(subsetter) << face.path();
    std::vector<uint32_t> glyphs;
    for (char32_t c : std::u32string(U"关于印发二〇二七年度工作要点的通知，。（一）"))
      glyphs.push_back(*face.glyphFor(c));
    std::sort(glyphs.begin(), glyphs.end());
    glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
    const FreeTypeFont subset(subsetter->subset(glyphs).value()), original(face);
    ASSERT_TRUE(subset.ok()) << face.path();
    for (uint32_t glyph : glyphs) {
      FT_UInt cid = 0;
      ASSERT_EQ(FT_Get_CID_From_Glyph_Index(original.face(), glyph, &cid), 0);
      EXPECT_EQ(subsetter->cid(glyph), cid) << face.path() << " glyph " << glyph;
      // FreeType addresses a bare CID-keyed CFF program's glyphs by CID, as a PDF reader does.
      EXPECT_EQ(subset.outline(cid), original.outline(glyph)) << face.path() << " glyph " << glyph;
      EXPECT_EQ(hintedOutline(subset, cid), hintedOutline(original, glyph))
          << face.path() << " glyph " << glyph;
    }
  }
}

// What the PDF writer embeds for the Fandol fonts: their glyphs as the font draws them on screen.
TEST(CidCffSubsetter, FontFaceSubsetsKeepTheHints) {
  for (FontRole role : {FontRole::Fangsong, FontRole::Heiti}) {
    const FontFace& face = library().face(role);
    std::map<uint32_t, char32_t> drawn;
    for (char32_t c : std::u32string(U"通知公文")) drawn.emplace(*face.glyphFor(c), c);
    const FontSubset subset = face.subset(drawn);
    const FreeTypeFont program(subset.program), original(face);
    ASSERT_TRUE(program.ok());
    for (const auto& [glyph, c] : drawn) {
      EXPECT_EQ(hintedOutline(program, subset.codeByGlyph.at(glyph)), hintedOutline(original, glyph))
          << face.path() << " glyph " << glyph;
    }
  }
}

// A font is the deployer's file, not ours: any cut of it is refused, never read past its end.
TEST(CidCffSubsetter, ATruncatedTableIsRefused) {
  const std::string cff = cffTableOf(library().face(FontRole::Heiti));
  ASSERT_TRUE(CidCffSubsetter::parse(cff, kNoSubroutines));
  for (size_t length = 0; length < cff.size(); length += length < 4096 ? 1 : 7919)
    EXPECT_FALSE(CidCffSubsetter::parse(std::string_view(cff).substr(0, length), kNoSubroutines)) << length;
}

TEST(CidCffSubsetter, AFontWithSubroutinesIsLeftToHarfBuzz) {
  FontConfig config = FontConfig::defaults();
  config.families[FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
  const FontLibrary noto(config);
  const std::string cff = cffTableOf(noto.face(FontRole::Xiaobiaosong));
  EXPECT_FALSE(CidCffSubsetter::parse(cff, kNoSubroutines));
  EXPECT_TRUE(CidCffSubsetter::parse(cff, cff.size()));
}

TEST(CidCffSubsetter, ANameKeyedOrForeignTableIsRefused) {
  EXPECT_FALSE(CidCffSubsetter::parse("", kNoSubroutines));
  EXPECT_FALSE(CidCffSubsetter::parse(std::string("\x02\x00\x05\x00\x00", 5), kNoSubroutines));  // CFF2
}

}  // namespace
}  // namespace gongwen::fonts
