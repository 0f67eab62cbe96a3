#pragma once
// The Info dictionary and the trailer /ID: the parts of a PDF that would otherwise differ from
// run to run.

#include <podofo/podofo.h>

#include <ctime>
#include <string>

#include "pipeline/layout/Frames.h"

namespace gongwen::pdf {

// Title, Author, Subject and /GongwenChain (those that are set), Creator, and CreationDate and
// ModDate at `when`.
void writeDocumentInfo(PoDoFo::PdfMemDocument& document, const layout::Frames& frames, std::time_t when);

// Replaces both entries of the trailer /ID of a written PDF with the MD5 of `fixedId`, in place
// (same length, so no offset moves).
void fixTrailerId(std::string& pdf, const std::string& fixedId);

}  // namespace gongwen::pdf
