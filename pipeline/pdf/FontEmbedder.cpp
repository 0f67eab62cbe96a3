#include "pipeline/pdf/FontEmbedder.h"

#include <cmath>
#include <utility>
#include <vector>

#include "pipeline/pdf/StreamCompression.h"
#include "pipeline/pdf/ToUnicodeCMap.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::pdf {
namespace {

// PDF 32000 §9.9.2: a subset font's name starts with six upper-case letters and '+'. Derived
// from the glyphs it holds so that identical input gives identical output and different subsets
// of one font get different names.
std::string subsetTag(const fonts::FontFace& face, const GlyphUse& used) {
  uint64_t hash = 1469598103934665603ull;  // FNV-1a
  auto mix = [&hash](uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ull;
  };
  for (char c : face.postscriptName()) mix(static_cast<unsigned char>(c));
  // Original glyph ids: the codes of renumbered subsets of the same size are the same.
  for (const auto& [code, glyph] : used) mix(glyph.glyph);
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  return tag + "+";
}

std::string rounded(double value) { return integer(std::lround(value)); }

// /W as runs of consecutive codes: c [w1 w2 ...]. Hundreds of numbers a font, so written straight
// into one string.
std::string widths(const fonts::FontFace& face, const GlyphUse& used) {
  std::string w = "[";
  uint32_t next = 0;
  bool inRun = false;
  for (const auto& [code, glyph] : used) {
    if (!inRun || code != next) {
      if (inRun) w += "] ";
      w += std::to_string(code) + " [";
      inRun = true;
    } else {
      w += ' ';
    }
    w += rounded(face.advance(glyph.glyph, 1000));
    next = code + 1;
  }
  if (inRun) w += ']';
  return w + ']';
}

std::string bboxArray(const fonts::FontFace& face) {
  std::vector<std::string> box;
  for (double v : face.bbox()) box.push_back(rounded(v));
  return array(box);
}

std::string fontProgram(const fonts::FontFace& face, const SubsetFont& font) {
  DictionaryWriter dictionary;
  if (face.isCff()) {
    dictionary.add("Subtype", pdfName("CIDFontType0C"));
  } else {
    dictionary.add("Length1", integer(static_cast<long long>(font.length)));
  }
  if (font.deflated) dictionary.add("Filter", pdfName("FlateDecode"));
  return streamBody(std::move(dictionary), font.program);
}

std::string fontDescriptor(const fonts::FontFace& face, const std::string& name, unsigned program) {
  return DictionaryWriter()
      .add("Type", pdfName("FontDescriptor"))
      .add("FontName", pdfName(name))
      .add("Flags", integer(4))  // symbolic: glyphs outside the standard Latin set
      .add("FontBBox", bboxArray(face))
      .add("ItalicAngle", integer(0))
      .add("Ascent", rounded(face.ascender()))
      .add("Descent", rounded(face.descender()))
      .add("CapHeight", rounded(face.capHeight()))
      .add("StemV", integer(80))  // not in the font files; a conventional value for regular weights
      .add(face.isCff() ? "FontFile3" : "FontFile2", reference(program))
      .text();
}

std::string cidFont(const fonts::FontFace& face, const std::string& name, const GlyphUse& used,
                    unsigned descriptor) {
  DictionaryWriter dictionary;
  dictionary.add("Type", pdfName("Font"))
      .add("Subtype", pdfName(face.isCff() ? "CIDFontType0" : "CIDFontType2"))
      .add("BaseFont", pdfName(name))
      .add("CIDSystemInfo", DictionaryWriter()
                                .add("Registry", literalString("Adobe"))
                                .add("Ordering", literalString("Identity"))
                                .add("Supplement", integer(0))
                                .text())
      .add("FontDescriptor", reference(descriptor))
      .add("DW", integer(1000))
      .add("W", widths(face, used));
  if (!face.isCff()) dictionary.add("CIDToGIDMap", pdfName("Identity"));
  return dictionary.text();
}

}  // namespace

SubsetFont subsetFont(const fonts::FontFace& face, const DrawnGlyphs& drawn) {
  fonts::FontSubset subset = face.subset(drawn);
  const bool deflate = !face.isCff();
  const size_t length = subset.program.size();
  SubsetFont font{deflate ? deflatedFontProgram(subset.program) : std::move(subset.program),
                  deflate,
                  length,
                  {},
                  std::move(subset.codeByGlyph)};
  for (const auto& [glyph, ch] : drawn) font.used.emplace(font.codes.at(glyph), UsedGlyph{glyph, ch});
  return font;
}

unsigned embedFont(const ObjectSink& objects, const fonts::FontFace& face, const SubsetFont& font) {
  const std::string name = subsetTag(face, font.used) + face.postscriptName();
  // Numbered in the order a reader follows them from the Type0 font.
  const unsigned type0 = objects.reserve();
  const unsigned descendant = objects.reserve();
  const unsigned descriptor = objects.reserve();
  const unsigned program = objects.reserve();
  const unsigned toUnicode = objects.reserve();
  objects.write(type0, DictionaryWriter()
                           .add("Type", pdfName("Font"))
                           .add("Subtype", pdfName("Type0"))
                           .add("BaseFont", pdfName(name))
                           .add("Encoding", pdfName("Identity-H"))
                           .add("DescendantFonts", array({reference(descendant)}))
                           .add("ToUnicode", reference(toUnicode))
                           .text());
  objects.write(descendant, cidFont(face, name, font.used, descriptor));
  objects.write(descriptor, fontDescriptor(face, name, program));
  objects.write(program, fontProgram(face, font));
  objects.write(toUnicode, streamBody(DictionaryWriter().add("Filter", pdfName("FlateDecode")),
                                      deflated(toUnicodeCMap(font.used))));
  return type0;
}

}  // namespace gongwen::pdf
