#include "pipeline/archive/SignatureAudit.h"

#include "pipeline/core/Error.h"
#include "signing/verify/Verifier.h"

namespace gongwen::archive {

std::optional<std::string> signatureProblem(const DocumentRecord& document, const std::string& pdfPath,
                                            const policy::Policy& policy) {
  verify::VerifyOptions options;
  if (document.incoming) {
    options.trustAnchorFiles = policy.trustAnchors;
  } else {
    options.policy = &policy;
  }
  verify::Report report;
  try {
    report = verify::verifyFile(pdfPath, options);
  } catch (const Error& error) {
    return "it cannot be verified: " + std::string(error.what()) + " (" + error.code() + ")";
  }
  if (report.ok()) return std::nullopt;
  if (report.signatures.empty()) return std::string("it holds no signature any more");
  if (!report.documentProblems.empty()) {
    const verify::Problem& problem = report.documentProblems.front();
    return "it no longer verifies: " + problem.message + " (" + problem.code + ")";
  }
  for (const verify::SignatureReport& signature : report.signatures) {
    if (!signature.valid()) {
      return "signature " + signature.field + " (" + signature.step +
             ") no longer verifies: " + signature.problems.front().message + " (" +
             signature.problems.front().code + ")";
    }
  }
  return std::string("it no longer verifies");
}

}  // namespace gongwen::archive
