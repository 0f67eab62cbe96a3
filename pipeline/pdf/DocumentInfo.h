#pragma once
// The Info dictionary and the trailer /ID: the parts of a PDF that would otherwise differ from
// run to run.

#include <ctime>
#include <string>

#include "pipeline/layout/Frames.h"

namespace gongwen::pdf {

// The Info dictionary's text: Title, Author, Subject, Creator and Producer, and CreationDate and
// ModDate at `when`; and what the document claims to be, from which `sign` and `verify` derive its
// approval chain (signing/verify/DocumentClaims.h): /GongwenTemplate, /GongwenIssuers (an array of
// text strings, in order), /GongwenChain, and for a leave request /GongwenApplicant,
// /GongwenLeaveKind and /GongwenLeaveDays (a number); and what the archive registers
// (pipeline/archive): /GongwenNumber (发文字号), /GongwenDate (成文日期 as written),
// /GongwenClassification (密级★期限), /GongwenCopyNumber (份号) and /GongwenUrgency. Entries whose
// value is empty are left out. Being Gongwen* entries, a later revision cannot change them
// unnoticed (verify reports policy.claims-changed).
std::string documentInfo(const layout::DocumentInfo& about, std::time_t when);

// The 16 bytes of both entries of the trailer /ID: the MD5 of `fixedId`, or when that is empty of
// the Info dictionary's text (which holds the creation time).
std::string trailerId(const std::string& fixedId, const std::string& info);

}  // namespace gongwen::pdf
