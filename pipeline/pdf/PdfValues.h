#pragma once
// The few ways this writer makes PoDoFo values, kept in one place.

#include <podofo/podofo.h>

#include <string>

namespace gongwen::pdf {

// Stream data is always stored Flate-compressed, with zlib's fastest level.
void setFlateStream(PoDoFo::PdfObject& object, const std::string& data);

// A glyf font program compressed for its stream (see the .cpp for how), and setting it. Two steps,
// so that a font is compressed with its subset, before any PDF object exists. Thread-safe.
std::string deflatedFontProgram(const std::string& data);
void setDeflatedStream(PoDoFo::PdfObject& object, const std::string& deflatedData);
// Stream data stored as it is, without a filter.
void setRawStream(PoDoFo::PdfObject& object, const std::string& data);

// A text string from UTF-8: PDFDocEncoding when it fits, UTF-16BE otherwise (Chinese names).
PoDoFo::PdfString utf8String(const std::string& text);

}  // namespace gongwen::pdf
