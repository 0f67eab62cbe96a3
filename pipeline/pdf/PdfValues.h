#pragma once
// The few ways this writer makes PoDoFo values, kept in one place.

#include <podofo/podofo.h>

#include <string>

namespace gongwen::pdf {

// Stream data is always stored Flate-compressed (zlib's fastest level).
void setFlateStream(PoDoFo::PdfObject& object, const std::string& data);

// A text string from UTF-8: PDFDocEncoding when it fits, UTF-16BE otherwise (Chinese names).
PoDoFo::PdfString utf8String(const std::string& text);

}  // namespace gongwen::pdf
