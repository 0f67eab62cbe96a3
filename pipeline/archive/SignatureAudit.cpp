#include "pipeline/archive/SignatureAudit.h"

#include "pipeline/archive/IngestPreparation.h"
#include "pipeline/core/Error.h"
#include "signing/verify/SigningPrecheck.h"
#include "signing/verify/Verifier.h"

namespace gongwen::archive {

std::optional<std::string> signatureProblem(const DocumentRecord& document, const std::string& pdfPath,
                                            const policy::Policy& policy) {
  // The options and the judgement ingest applied (IngestPreparation.cpp): what was archived must
  // still pass them.
  const verify::VerifyOptions options = archiveVerifyOptions(policy, document.incoming);
  try {
    const verify::Report report = verify::verifyFile(pdfPath, options);
    if (std::optional<Error> refused = verify::archivingRefusal(
            report,
            "the archived original no longer verifies: find out what changed (the policy's trust "
            "anchors, a certificate, the seal register) before trusting it")) {
      return std::string(refused->what()) + " (" + refused->code() + ")";
    }
    if (!document.incoming && !report.chainChecked)
      return std::string("its approval chain is not one the policy knows any more");
  } catch (const Error& error) {
    return std::string(error.what()) + " (" + error.code() + ")";
  }
  return std::nullopt;
}

}  // namespace gongwen::archive
