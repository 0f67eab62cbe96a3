#pragma once
// Writes one role's font into the document as Type0 / Identity-H over a CIDFont that embeds a
// HarfBuzz subset: CIDFontType0 + FontFile3/CIDFontType0C for CFF outlines (codes are CIDs),
// CIDFontType2 + FontFile2 + /CIDToGIDMap /Identity for glyf outlines (codes are glyph ids).

#include <podofo/podofo.h>

#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/pdf/GlyphUse.h"

namespace gongwen::pdf {

// A subset font program, already compressed for its stream.
struct FontProgram {
  std::string deflated;
  size_t length = 0;  // uncompressed size (/Length1 of FontFile2)
};

// The subset of `face` holding the glyphs of `used`. Thread-safe: it touches no PDF object.
FontProgram subsetProgram(const fonts::FontFace& face, const GlyphUse& used);

// Writes the font objects around `program` and returns the Type0 font dictionary object, ready
// to be named in page resources.
PoDoFo::PdfObject* embedFont(PoDoFo::PdfVecObjects& objects, const fonts::FontFace& face,
                             const GlyphUse& used, const FontProgram& program);

}  // namespace gongwen::pdf
