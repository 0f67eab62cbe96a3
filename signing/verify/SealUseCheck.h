#pragma once
// With a policy, every seal signature must name its row of the seal-use register (用印登记): the
// row /GongwenSealUse gives exists, its hash is the /GongwenSealUseHash the seal signed, its fields
// follow from that hash, its seal and step are the signature's, and its document digest is the
// SHA-256 of the bytes the seal's revision was appended to (the approved document). The register
// is opened read-only, never created; when it is not there the seal use is reported unchecked.

#include "signing/verify/PdfRevisions.h"
#include "signing/verify/PrefixDigests.h"
#include "signing/verify/VerificationReport.h"
#include "signing/verify/Verifier.h"

namespace gongwen::verify {

// Adds a "seal-use.*" problem to each seal signature of `report` whose row does not bear it out.
// Call after reviewAgainstPolicy (it needs each signature's identified seal). `digests`, when given,
// is the document's, to take the digests of its revisions from.
void checkSealUses(const pdf::Document& document, const VerifyOptions& options, Report& report,
                   PrefixDigests* digests = nullptr);

}  // namespace gongwen::verify
