#pragma once
// The few ways this writer makes PoDoFo values, kept in one place.

#include <podofo/podofo.h>

#include <string>

namespace gongwen::pdf {

// Stream data is always stored Flate-compressed (zlib's fastest level).
void setFlateStream(PoDoFo::PdfObject& object, const std::string& data);

// The same in two steps, so that compressing can run off the thread that owns the document.
// Thread-safe.
std::string deflated(const std::string& data);
void setDeflatedStream(PoDoFo::PdfObject& object, const std::string& deflatedData);

// A text string from UTF-8: PDFDocEncoding when it fits, UTF-16BE otherwise (Chinese names).
PoDoFo::PdfString utf8String(const std::string& text);

}  // namespace gongwen::pdf
