#pragma once
// The Info dictionary and the trailer /ID: the parts of a PDF that would otherwise differ from
// run to run.

#include <podofo/podofo.h>

#include <ctime>
#include <string>

#include "pipeline/layout/Frames.h"

namespace gongwen::pdf {

// Title, Author, Subject, Creator, and CreationDate and ModDate at `when`; and what the document
// claims to be, from which `sign` and `verify` derive its approval chain (signing/verify/
// DocumentClaims.h): /GongwenTemplate, /GongwenIssuers (an array of text strings, in order),
// /GongwenChain, and for a leave request /GongwenApplicant, /GongwenLeaveKind and /GongwenLeaveDays
// (a number); and what the archive registers (pipeline/archive): /GongwenNumber (发文字号),
// /GongwenDate (成文日期 as written), /GongwenClassification (密级★期限), /GongwenCopyNumber (份号) and
// /GongwenUrgency. Entries whose value is empty are left out. Being Gongwen* entries, a later
// revision cannot change them unnoticed (verify reports policy.claims-changed).
void writeDocumentInfo(PoDoFo::PdfMemDocument& document, const layout::DocumentInfo& about, std::time_t when);

// Replaces both entries of the trailer /ID of a written PDF with the MD5 of `fixedId`, in place
// (same length, so no offset moves).
void fixTrailerId(std::string& pdf, const std::string& fixedId);

}  // namespace gongwen::pdf
