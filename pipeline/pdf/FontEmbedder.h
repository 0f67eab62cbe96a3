#pragma once
// Writes one role's font into the document as Type0 / Identity-H over a CIDFont that embeds a
// HarfBuzz subset: CIDFontType0 + FontFile3/CIDFontType0C for CFF outlines (codes are CIDs),
// CIDFontType2 + FontFile2 + /CIDToGIDMap /Identity for glyf outlines (codes are glyph ids).

#include <podofo/podofo.h>

#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/pdf/GlyphUse.h"

namespace gongwen::pdf {

// The subset font program holding the glyphs of `used`. Thread-safe: it touches no PDF object.
std::string subsetProgram(const fonts::FontFace& face, const GlyphUse& used);

// Writes the font objects around `program` (from subsetProgram) and returns the Type0 font
// dictionary object, ready to be named in page resources.
PoDoFo::PdfObject* embedFont(PoDoFo::PdfVecObjects& objects, const fonts::FontFace& face,
                             const GlyphUse& used, const std::string& program);

}  // namespace gongwen::pdf
