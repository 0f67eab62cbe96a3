#pragma once
// Which fonts of a PDF come without their font program, read with the verifier's own parser: every
// font dictionary of the document as its last revision stands (indirect objects and dictionaries
// nested in them, a Type0 font's descendant included), not only those a page uses. Poppler's font
// list builds each page's fonts in full (widths, ToUnicode maps, the font program's type) to say the
// same, which made it most of an audit's time.

#include <optional>
#include <string>
#include <vector>

namespace gongwen::archive {

// The /BaseFont names (or "(unnamed)") of the fonts with no /FontFile, /FontFile2 or /FontFile3 in
// their descriptor; a Type3 font draws its glyphs with the document's own content and needs none.
// Nullopt when the PDF packs objects in object streams, which this parser does not read: ask Poppler.
// Throws Error(InputInvalid, "pdf.*") when the PDF does not parse.
std::optional<std::vector<std::string>> fontsNotEmbedded(const std::string& pdfBytes,
                                                         const std::string& fileName);

}  // namespace gongwen::archive
