// The glyf font (宋体, the page numbers) is embedded as a renumbered subset: its content codes
// are the subset's own glyph ids. Read back through independent readers, every code must still
// draw the glyph of the character it stands for, with the width and position layout gave it.

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "pipeline/pdf/PdfWriter.h"
#include "tests/fonts/FreeTypeFont.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"
#include "tests/support/PdfInspect.h"

namespace gongwen::pdf {
namespace {

using fonts::FontRole;
using gongwen::testing::FreeTypeFont;
using gongwen::testing::run;
using gongwen::testing::TempDir;
using nlohmann::json;

const std::vector<std::string> kPageNumbers{"—1—", "—20—"};
constexpr double kPageNumberX = 280;

layout::Frames pageNumberedFrames(const fonts::FontLibrary& fonts) {
  layout::Frames frames;
  frames.pages.resize(kPageNumbers.size());
  for (size_t i = 0; i < kPageNumbers.size(); ++i) {
    frames.pages[i].runs.push_back(testing::run(fonts, FontRole::Fangsong, 16, 700, "正文"));
    frames.pages[i].runs.push_back(
        testing::run(fonts, FontRole::Songti, 14, 60, kPageNumbers[i], layout::kBlack, kPageNumberX));
  }
  return frames;
}

const json& value(const json& objects, const std::string& reference) {
  return objects.at("obj:" + reference).at("value");
}

std::string streamData(const std::string& path, const std::string& reference) {
  const std::string number = reference.substr(0, reference.find(' '));
  const auto result = run({"qpdf", "--show-object=" + number, "--filtered-stream-data", path});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  return result.out;
}

// The one CIDFontType2 font of the file: its embedded program and its ToUnicode CMap.
struct GlyfFont {
  std::string program, toUnicode;
};

GlyfFont glyfFont(const std::string& path) {
  const json objects = testing::qpdfObjects(path);
  GlyfFont font;
  int found = 0;
  for (const auto& [key, object] : objects.items()) {
    if (!object.contains("value") || !object["value"].is_object()) continue;
    const json& type0 = object["value"];
    if (type0.value("/Subtype", "") != "/Type0") continue;
    const json& cidFont = value(objects, type0.at("/DescendantFonts").at(0));
    if (cidFont.at("/Subtype") != "/CIDFontType2") continue;
    ++found;
    EXPECT_EQ(cidFont.at("/CIDToGIDMap"), "/Identity");
    font.program = streamData(path, value(objects, cidFont.at("/FontDescriptor")).at("/FontFile2"));
    font.toUnicode = streamData(path, type0.at("/ToUnicode"));
  }
  EXPECT_EQ(found, 1);
  return font;
}

TEST(PdfGlyfSubset, EveryCodeDrawsTheGlyphOfItsCharacter) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  const fonts::FontFace& songti = fonts.face(FontRole::Songti);
  ASSERT_FALSE(songti.isCff()) << "the default 宋体 (AR PL SungtiL GB) is the glyf font under test";
  const GlyfFont font = glyfFont(testing::saved(dir, writePdf(pageNumberedFrames(fonts), fonts)));

  // A handful of glyphs, not an empty slot for each of the font's 30 000.
  EXPECT_LT(font.program.size(), 10000u);
  FreeTypeFont subset(font.program), original(songti);
  ASSERT_TRUE(subset.ok());
  ASSERT_TRUE(original.ok());

  // bfchar entries only: the codespace range before them has the same shape.
  const std::string entries = font.toUnicode.substr(font.toUnicode.find("beginbfchar"));
  const std::regex entry("<([0-9A-F]{4})> <([0-9A-F]{4})>");
  std::set<char32_t> mapped;
  for (auto it = std::sregex_iterator(entries.begin(), entries.end(), entry); it != std::sregex_iterator();
       ++it) {
    const uint32_t code = static_cast<uint32_t>(std::stoul((*it)[1], nullptr, 16));
    const char32_t ch = static_cast<char32_t>(std::stoul((*it)[2], nullptr, 16));
    mapped.insert(ch);
    EXPECT_GT(code, 0u) << describeChar(ch) << " drawn as .notdef";
    EXPECT_EQ(subset.outline(code), original.outline(*songti.glyphFor(ch))) << describeChar(ch);
  }
  EXPECT_EQ(mapped, (std::set<char32_t>{U'—', U'0', U'1', U'2'}));
}

TEST(PdfGlyfSubset, PageNumbersReadBackWhereLayoutPutThem) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  const layout::Frames frames = pageNumberedFrames(fonts);
  const std::string path = testing::saved(dir, writePdf(frames, fonts));

  const auto text = run({"pdftotext", path, "-"});
  ASSERT_EQ(text.exitCode, 0) << text.err;
  for (const std::string& number : kPageNumbers)
    EXPECT_NE(text.out.find(number), std::string::npos) << number;

  // Poppler's boxes come from the codes' /W widths: each must match the glyph's advance and sit
  // at the x layout chose.
  const gongwen::testing::PdfInspect pdf(path);
  for (size_t page = 0; page < kPageNumbers.size(); ++page) {
    const layout::TextRun& run = frames.pages[page].runs.back();
    std::vector<gongwen::testing::CharBox> drawn;
    for (const auto& box : pdf.chars(static_cast<int>(page))) {
      if (box.left >= kPageNumberX - 1) drawn.push_back(box);
    }
    ASSERT_EQ(drawn.size(), run.chars.size()) << "page " << page + 1;
    for (size_t i = 0; i < drawn.size(); ++i) {
      const layout::PlacedChar& placed = run.chars[i];
      const auto& face = fonts.face(FontRole::Songti);
      EXPECT_EQ(drawn[i].text, toUtf8(std::u32string(1, placed.ch)));
      EXPECT_NEAR(drawn[i].left, placed.x, 0.01) << drawn[i].text;
      EXPECT_NEAR(drawn[i].right - drawn[i].left, face.advance(*face.glyphFor(placed.ch), run.sizePt), 0.01)
          << drawn[i].text;
    }
  }
}

}  // namespace
}  // namespace gongwen::pdf
