#include "pipeline/archive/SignatureAudit.h"

#include "pipeline/archive/IngestPreparation.h"
#include "pipeline/core/Error.h"
#include "signing/verify/SigningPrecheck.h"
#include "signing/verify/Verifier.h"

namespace gongwen::archive {

SignatureAudit auditSignatures(const DocumentRecord& document, const std::string& pdfPath,
                               const policy::Policy& policy, std::time_t at) {
  // The options and the judgement ingest applied (IngestPreparation.cpp): what was archived must
  // still pass them.
  verify::VerifyOptions options = archiveVerifyOptions(policy, document.incoming);
  if (at != 0) options.at = at;
  SignatureAudit audit;
  try {
    const verify::Report report = verify::verifyFile(pdfPath, options);
    if (!report.documentTimestamps.empty())
      audit.newestTimestampExpires = report.documentTimestamps.back().authorityExpires;
    if (std::optional<Error> refused = verify::archivingRefusal(
            report,
            "the archived original no longer verifies: find out what changed (the policy's trust "
            "anchors, a certificate, the seal register) before trusting it")) {
      audit.problem = std::string(refused->what()) + " (" + refused->code() + ")";
    } else if (!document.incoming && !report.chainChecked) {
      audit.problem = std::string("its approval chain is not one the policy knows any more");
    }
  } catch (const Error& error) {
    audit.problem = std::string(error.what()) + " (" + error.code() + ")";
  }
  return audit;
}

}  // namespace gongwen::archive
