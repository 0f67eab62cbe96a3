#pragma once
// 真实性 of an archived PDF years on: its signatures re-verified by the verifier (never the signer's
// parse) as at ingest — our own documents against the policy (people, approval chain, seal register),
// incoming ones against its trust anchors only (another organ's chain is not ours to check).

#include <optional>
#include <string>

#include "pipeline/archive/RegistryRecords.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::archive {

// Why the PDF no longer verifies, or nullopt when it does.
std::optional<std::string> signatureProblem(const DocumentRecord& document, const std::string& pdfPath,
                                            const policy::Policy& policy);

}  // namespace gongwen::archive
