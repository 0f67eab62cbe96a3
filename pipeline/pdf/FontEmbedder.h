#pragma once
// Writes one role's font as Type0 / Identity-H over a CIDFont that embeds a FontFace::subset:
// CIDFontType0 + FontFile3/CIDFontType0C for CFF outlines (codes are CIDs), CIDFontType2 +
// FontFile2 + /CIDToGIDMap /Identity for glyf outlines (codes are the subset's glyph ids).

#include <functional>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/pdf/GlyphUse.h"

namespace gongwen::pdf {

// A role's subset font: its program as its stream holds it, and the codes that draw its glyphs.
// A CFF program is stored uncompressed: charstrings compress by only 15-17 % (FandolFang's subset
// of a two-page notice: 124.0 KB to 103.4 KB with zlib's fastest settings) at 94 instructions a
// byte, which was a seventh of a cold `gongwen render`. glyf programs compress far better.
struct SubsetFont {
  std::string program;
  bool deflated = false;  // program is Flate-compressed (glyf) or stored as it is (CFF)
  size_t length = 0;      // uncompressed size (/Length1 of FontFile2)
  GlyphUse used;          // by content code, for /W and ToUnicode
  CodeByGlyph codes;      // for the content streams
};

// The subset of `face` holding the glyphs of `drawn`. Thread-safe: it touches no PDF object.
SubsetFont subsetFont(const fonts::FontFace& face, const DrawnGlyphs& drawn);

// Where embedFont puts the font's objects: a new document's PdfObjectWriter, or the incremental
// update of a signature's appearance. Every object is numbered before any is written, so that
// they can refer to each other; `write` gets the text between "N 0 obj" and "endobj".
struct ObjectSink {
  std::function<unsigned()> reserve;
  std::function<void(unsigned number, std::string body)> write;
};

// Writes the font objects around the program and returns the number of the Type0 font
// dictionary, ready to be named in page resources.
unsigned embedFont(const ObjectSink& objects, const fonts::FontFace& face, const SubsetFont& font);

}  // namespace gongwen::pdf
