#pragma once
// What a signed or signable PDF says about itself that decides its approval chain: the Gongwen*
// entries of its Info dictionary (pipeline/pdf/DocumentInfo.cpp writes them). They are read from
// the first revision, the original as rendered, which every signature covers; a later revision
// that changes them is a problem in itself, whether it comes before the first signature or after.

#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/verify/CmsCheck.h"
#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify {

// /GongwenTemplate, /GongwenIssuers (an array of text strings), /GongwenChain, /GongwenApplicant,
// /GongwenLeaveKind and /GongwenLeaveDays (a number) of the first revision; absent ones stay empty.
policy::DocumentClaims readDocumentClaims(const pdf::Document& document);

// One "policy.claims-changed" problem per later revision that replaces (or drops) the trailer's
// /Info or adds, removes or changes a Gongwen* entry of the Info dictionary.
std::vector<Problem> claimChanges(const pdf::Document& document);

}  // namespace gongwen::verify
