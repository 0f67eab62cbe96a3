#pragma once
// Frames -> PDF bytes, written object by object (PdfObjectWriter) with our own font embedding
// (ARCHITECTURE.md): one Type0 font per role used, every seal box an empty signature field the
// signing stage fills.

#include <ctime>
#include <optional>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"

namespace gongwen::pdf {

struct PdfOptions {
  // CreationDate and ModDate; the current time when unset.
  std::optional<std::time_t> fixedTime;
  // When set, the trailer /ID is the MD5 of this text (both entries), so that the same frames
  // and options give byte-identical output; otherwise it is derived from the Info dictionary.
  std::string fixedId;
};

// Returns the PDF file's bytes; the caller writes them atomically. Throws
// Error(InputInvalid, "font.missing-glyph") naming the character, page and role when a
// character has no glyph in its role's font.
std::string writePdf(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                     const PdfOptions& options = {});

}  // namespace gongwen::pdf
