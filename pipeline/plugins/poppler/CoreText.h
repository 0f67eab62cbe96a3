#pragma once
// What the archive reads of a PDF through Poppler's core (libpoppler-private-dev) rather than
// poppler-cpp: poppler-cpp reads a page's fonts afresh for every page, and reads an Info entry not
// in UTF-16 as Latin-1 instead of PDFDocEncoding.

#include <poppler/PDFDoc.h>

#include <string>

namespace gongwen::archive {

// An Info entry as UTF-8 (a PDF text string: UTF-16BE with its mark, or PDFDocEncoding), "" when
// absent.
std::string infoEntry(PDFDoc& document, const char* key);

// The text of every page as Poppler lays it out physically (what pdftotext -layout and poppler-cpp's
// page::text give), pages separated by form feeds. The font dictionaries are parsed once for the
// document.
std::string pagesText(PDFDoc& document);

}  // namespace gongwen::archive
