#pragma once
// 真实性 of an archived PDF years on: its signatures re-verified by the verifier (never the signer's
// parse) as at ingest — our own documents against the policy (people, approval chain, seal register),
// incoming ones against its trust anchors only (another organ's chain is not ours to check) — and when
// its newest document timestamp needs renewing.

#include <ctime>
#include <optional>
#include <string>

#include "pipeline/archive/RegistryRecords.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::archive {

struct SignatureAudit {
  std::optional<std::string> problem;  // why the PDF no longer verifies, nullopt when it does
  // When the authority certificate of its newest document timestamp expires (the timestamp must be
  // renewed with `gongwen ltv` before then); 0 when it has none.
  std::time_t newestTimestampExpires = 0;
};

// Verifies the archived PDF at `at` (0: now), with the validation data it carries.
SignatureAudit auditSignatures(const DocumentRecord& document, const std::string& pdfPath,
                               const policy::Policy& policy, std::time_t at);

}  // namespace gongwen::archive
