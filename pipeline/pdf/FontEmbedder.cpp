#include "pipeline/pdf/FontEmbedder.h"

#include <cmath>
#include <utility>
#include <vector>

#include "pipeline/pdf/PdfValues.h"
#include "pipeline/pdf/ToUnicodeCMap.h"

namespace gongwen::pdf {
namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::PdfString;
using PoDoFo::PdfVariant;

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

PdfVariant integer(double value) { return PdfVariant(static_cast<PoDoFo::pdf_int64>(std::lround(value))); }

// /W as runs of consecutive codes: c [w1 w2 ...], written as PoDoFo writes an array of integers in
// its compact mode ("[ 17[ 500 500] 22[ 1000]]"). Hundreds of numbers a font: as PoDoFo objects,
// each copied into its array, its dictionary and formatted twice by printf on writing, they cost
// a two-page notice more than its page content.
PdfObject widths(const fonts::FontFace& face, const GlyphUse& used) {
  std::string w = "[";
  uint32_t next = 0;
  bool inRun = false;
  for (const auto& [code, glyph] : used) {
    if (!inRun || code != next) {
      if (inRun) w += ']';
      w += ' ' + std::to_string(code) + '[';
      inRun = true;
    }
    w += ' ' + std::to_string(std::lround(face.advance(glyph.glyph, 1000)));
    next = code + 1;
  }
  if (inRun) w += ']';
  w += ']';
  return PdfObject(PdfVariant(PoDoFo::PdfData(w.c_str())));
}

PdfArray bboxArray(const fonts::FontFace& face) {
  PdfArray box;
  for (double v : face.bbox()) box.push_back(integer(v));
  return box;
}

PdfObject* fontDescriptor(PoDoFo::PdfVecObjects& objects, const fonts::FontFace& face,
                          const std::string& name, const SubsetFont& program) {
  PdfObject* file = objects.CreateObject();
  if (face.isCff()) {
    file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
  } else {
    file->GetDictionary().AddKey("Length1", integer(static_cast<double>(program.length)));
  }
  if (program.deflated) {
    setDeflatedStream(*file, program.program);
  } else {
    setRawStream(*file, program.program);
  }

  PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  PdfDictionary& d = descriptor->GetDictionary();
  d.AddKey("FontName", PdfName(name));
  d.AddKey("Flags", integer(4));  // symbolic: glyphs outside the standard Latin set
  d.AddKey("FontBBox", bboxArray(face));
  d.AddKey("ItalicAngle", integer(0));
  d.AddKey("Ascent", integer(face.ascender()));
  d.AddKey("Descent", integer(face.descender()));
  d.AddKey("CapHeight", integer(face.capHeight()));
  d.AddKey("StemV", integer(80));  // not in the font files; a conventional value for regular weights
  d.AddKey(face.isCff() ? "FontFile3" : "FontFile2", file->Reference());
  return descriptor;
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

PdfObject* embedFont(PoDoFo::PdfVecObjects& objects, const fonts::FontFace& face, const SubsetFont& font) {
  const GlyphUse& used = font.used;
  const std::string name = subsetTag(face, used) + face.postscriptName();

  PdfObject* cidFont = objects.CreateObject("Font");
  PdfDictionary& c = cidFont->GetDictionary();
  c.AddKey("Subtype", PdfName(face.isCff() ? "CIDFontType0" : "CIDFontType2"));
  c.AddKey("BaseFont", PdfName(name));
  PdfDictionary systemInfo;
  systemInfo.AddKey("Registry", PdfString("Adobe"));
  systemInfo.AddKey("Ordering", PdfString("Identity"));
  systemInfo.AddKey("Supplement", integer(0));
  c.AddKey("CIDSystemInfo", systemInfo);
  c.AddKey("FontDescriptor", fontDescriptor(objects, face, name, font)->Reference());
  c.AddKey("DW", integer(1000));
  c.AddKey("W", widths(face, used));
  if (!face.isCff()) c.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfObject* toUnicode = objects.CreateObject();
  setFlateStream(*toUnicode, toUnicodeCMap(used));

  PdfObject* type0 = objects.CreateObject("Font");
  PdfDictionary& t = type0->GetDictionary();
  t.AddKey("Subtype", PdfName("Type0"));
  t.AddKey("BaseFont", PdfName(name));
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cidFont->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", toUnicode->Reference());
  return type0;
}

}  // namespace gongwen::pdf
