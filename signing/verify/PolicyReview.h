#pragma once
// The policy side of verification: whose certificate made each signature (never /GongwenPerson),
// whether that certificate is one the policy accepts for the step, which chain the document's claims
// allow (approvalChainFor, as sign derives it) and whether that chain is complete and in order (P's
// reviewChain, the same rules sign enforces).

#include <ctime>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/VerificationReport.h"

namespace gongwen::verify {

// Signer certificates in report order; times are the signing times used for delegation validity.
// The policy's certificates are read through `cache` when one is given.
void reviewAgainstPolicy(const policy::Policy& policy, const std::vector<X509*>& signers,
                         const std::vector<std::time_t>& times, Report& report,
                         cms::CertificateCache* cache = nullptr);

}  // namespace gongwen::verify
