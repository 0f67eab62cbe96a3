#include "signing/ltv/LongTermExtension.h"

#include <algorithm>
#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/core/KillPoint.h"
#include "signing/cms/TimestampClient.h"
#include "signing/sign/DocumentTimestamp.h"
#include "signing/sign/SecurityStoreUpdate.h"

namespace gongwen::ltv {
namespace {

// The first failure among the signatures and document timestamps, "" when they all hold.
std::string firstFailure(const verify::Report& report) {
  if (report.signatures.empty()) return "it holds no signature";
  for (const auto& s : report.signatures)
    if (!s.valid()) return "signature \"" + s.field + "\": " + s.problems.front().message;
  for (const auto& t : report.documentTimestamps)
    if (!t.valid()) return "document timestamp \"" + t.field + "\": " + t.problems.front().message;
  return {};
}

// Each signature and document timestamp with its chain and every revocation answer the verification
// had: the verifier does not say which answer served which certificate, and an unneeded one costs
// only its reference.
std::vector<sign::ValidationEntry> validationEntries(const verify::Report& report) {
  std::vector<sign::ValidationEntry> entries;
  for (const auto& s : report.signatures)
    entries.push_back({s.vriKey, s.validationCertificates, report.crls, report.ocspResponses});
  for (const auto& t : report.documentTimestamps)
    entries.push_back({t.vriKey, t.validationCertificates, report.crls, report.ocspResponses});
  return entries;
}

}  // namespace

std::string extendForLongTerm(const std::string& original, const std::string& name,
                              const ExtensionRequest& request) {
  // The DSS revision is written on the reading just verified.
  verify::VerifyOptions options = request.verify;
  std::shared_ptr<const verify::pdf::Document> verifiedReading;
  options.keepDocument = &verifiedReading;
  const verify::Report before = verify::verifyPdf(original, name, options);
  if (const std::string why = firstFailure(before); !why.empty())
    throw Error(ExitCode::SignatureInvalid, "ltv.does-not-verify",
                name + ": " + why + "; only a document whose signatures verify can be extended");

  std::string extended =
      sign::addSecurityStore(sign::SignableDocument(std::move(verifiedReading)), validationEntries(before));
  killPointForTests("ltv-dss-added");
  if (!request.timestampUrl.empty()) {
    extended = sign::addDocumentTimestamp(
        sign::SignableDocument(extended, name, request.verify.limits),
        [&](std::string_view imprint) { return cms::fetchTimestampToken(request.timestampUrl, imprint); });
    killPointForTests("ltv-timestamped");
  }

  const verify::Report after = verify::verifyPdf(extended, name, request.verify);
  if (const std::string why = firstFailure(after); !why.empty())
    throw Error(ExitCode::System, "ltv.result-does-not-verify",
                name + ": the extended document does not verify (" + why + "); nothing was written");
  return extended;
}

}  // namespace gongwen::ltv
