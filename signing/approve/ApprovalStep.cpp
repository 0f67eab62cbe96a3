#include "signing/approve/ApprovalStep.h"

#include <memory>
#include <optional>

#include "pipeline/core/Error.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/policy/SealRegisterLocation.h"
#include "signing/cms/PemCertificates.h"
#include "signing/cms/TimestampClient.h"
#include "signing/sign/PdfSigner.h"
#include "signing/verify/SigningPrecheck.h"

namespace gongwen::approve {
namespace {

// The key must be the one the policy names: its certificate must be the credential's certificate.
void checkCertificateIsPolicys(X509* certificate, const std::string& certificatePath,
                               const std::string& holder) {
  // Compared encoded: parsing the PEM file would decode its public key through OpenSSL 3's
  // provider machinery, 2 % of a cold `sign`.
  const auto expected = cms::readPemCertificateEncodings(certificatePath);
  const bool same = !expected.empty() && expected.front() == cms::encodingOf(certificate);
  if (!same)
    throw policyError("policy.certificate-mismatch", "the key given for " + holder +
                                                         " does not belong to the certificate " +
                                                         certificatePath + " the policy names");
}

// A row registered earlier for the same approved document, seal and step, whose sealed PDF was
// never written (the caller resumes that attempt).
std::optional<policy::RegisteredSealUse> earlierUse(const policy::SealUseRegister& sealRegister,
                                                    const policy::SealUse& use) {
  for (const policy::RegisteredSealUse& row : sealRegister.entries())
    if (row.use.documentDigest == use.documentDigest && row.use.seal == use.seal && row.use.step == use.step)
      return row;
  return std::nullopt;
}

// 用印登记: who applied which seal to which approved document, on whose authority. Registered
// before the sealed PDF exists, which names the row: a stop at any point leaves either no seal, or
// a seal whose row is there (a row without its PDF is an attempted use).
void registerSealUse(policy::SealUseRegister& sealRegister, const policy::Authorisation& granted,
                     const std::vector<policy::SignedStep>& signedSteps, const std::string& approvedPdf,
                     std::time_t now, bool reuse, sign::SignatureRequest& request) {
  policy::SealUse use;
  use.time = now;
  use.seal = granted.seal->id;
  use.documentDigest = policy::sealUseDigest(approvedPdf);
  use.person = granted.signer->id;
  use.step = granted.step->id;
  for (const auto& s : signedSteps) {
    if (s.stepId == granted.step->authorisedBy) {
      use.authorisedBy = s.personId;
      use.actingFor = s.actingFor;
    }
  }
  std::optional<policy::RegisteredSealUse> row;
  if (reuse) row = earlierUse(sealRegister, use);
  if (!row) row = sealRegister.append(use);
  request.sealUseSequence = row->sequence;
  request.sealUseHash = row->rowHash;
}

}  // namespace

std::string holderName(const policy::Authorisation& granted) {
  return granted.seal != nullptr ? granted.seal->name + " (" + granted.seal->id + ")"
                                 : granted.signer->name + " (" + granted.signer->id + ")";
}

SignedStep signStep(const policy::Policy& policy, const std::string& original, const std::string& name,
                    const StepRequest& stepRequest, const KeyFor& keyFor) {
  // The next step rests on the ones before it: everything signed so far must verify.
  std::optional<verify::Report> ownReport;
  std::shared_ptr<const verify::pdf::Document> verifiedReading = stepRequest.verifiedReading;
  if (stepRequest.verified == nullptr) {
    verify::VerifyOptions verifyOptions;
    verifyOptions.policy = &policy;
    verifyOptions.limits = stepRequest.limits;
    verifyOptions.keepDocument = &verifiedReading;
    ownReport = verify::verifyPdf(original, name, verifyOptions);
  }
  const verify::Report& verified = ownReport ? *ownReport : *stepRequest.verified;
  // The chain follows from what the original as rendered claims, by the policy's rules, the way
  // verify derives it: never from the requested chain alone or from a later revision.
  const policy::DocumentClaims& claims = verified.claims;
  if (claims.chain.empty())
    throw inputError("sign.no-chain", name +
                                          ": the PDF names no approval chain (/GongwenChain in its Info "
                                          "dictionary); render it with `gongwen render`");
  if (auto refused = verify::signingRefusal(verified)) throw *refused;
  // Signed on the reading just verified, or the caller's; a caller's report may come without one.
  const sign::SignableDocument document = verifiedReading
                                              ? sign::SignableDocument(std::move(verifiedReading))
                                              : sign::SignableDocument(original, name, stepRequest.limits);
  const std::string chainId = policy::approvalChainFor(policy, claims).id;
  // The steps as the verifier found them, in the order their revisions were signed.
  std::vector<policy::SignedStep> signedSteps;
  for (const auto& s : verified.signatures) signedSteps.push_back({s.step, s.claimedPerson, s.actingFor});

  const std::time_t now = stepRequest.now;
  SignedStep result;
  result.granted = policy::authorise(policy, chainId, signedSteps, stepRequest.personId, stepRequest.stepId,
                                     now, claims.applicant);
  const policy::Authorisation& granted = result.granted;
  const std::string holder = holderName(granted);
  const policy::Credential& credential =
      policy::selectCredential(*granted.credentials, stepRequest.credentialId, holder);
  const keys::SigningKey& key = keyFor(credential, holder);
  keys::checkCertificateValidity(key.certificate(), now, holder);
  checkCertificateIsPolicys(key.certificate(), credential.certificatePath, holder);

  // Opened before anything is written, so that a register that cannot be opened refuses the seal.
  std::unique_ptr<policy::SealUseRegister> ownRegister;
  policy::SealUseRegister* sealRegister = nullptr;
  if (granted.seal != nullptr) {
    sealRegister = stepRequest.sealRegister;
    if (sealRegister == nullptr) {
      ownRegister = policy::openSealRegister(policy.registerPath, policy::SealRegister::Access::ReadWrite);
      sealRegister = ownRegister.get();
    }
  }

  sign::SignatureRequest request;
  request.stepId = granted.step->id;
  request.personId = granted.signer->id;
  request.actingForId = granted.actingFor != nullptr ? granted.actingFor->id : "";
  request.signerName = granted.signer->name;
  request.reason = granted.step->name;
  if (const policy::Seal* seal = granted.seal != nullptr ? granted.seal : granted.signatureSeal) {
    request.sealId = seal->id;
    request.sealImagePath = seal->imagePath;
    request.signatureSeal = seal == granted.signatureSeal;
  }
  request.signingTime = now;
  request.timeZone = policy.timeZone;
  // A form's box shows who signed: the fonts are loaded only for a document that has one.
  std::optional<fonts::FontLibrary> ownFonts;
  if (request.sealId.empty() && sign::hasBoxFor(document, request.stepId)) {
    const fonts::FontLibrary* fonts = stepRequest.fonts;
    if (fonts == nullptr)
      fonts = &ownFonts.emplace(stepRequest.fontConfigPath.empty()
                                    ? fonts::FontConfig::defaults()
                                    : fonts::FontConfig::load(stepRequest.fontConfigPath));
    request.boxFont = &fonts->face(fonts::FontRole::Kaiti);
  }
  cms::TimestampFetcher timestamp;
  if (!policy.timestampUrl.empty())
    timestamp = [&](std::string_view imprint) {
      return cms::fetchTimestampToken(policy.timestampUrl, imprint);
    };
  killPointForTests("authorised");
  // A 签名章 the document has no field for is refused before anything is signed.
  if (granted.signatureSeal != nullptr) sign::checkSealCanBeApplied(document, request);
  if (sealRegister) {
    sign::checkSealCanBeApplied(document, request);  // a seal that cannot be applied is not a use
    registerSealUse(*sealRegister, granted, signedSteps, original, now, stepRequest.reuseRegisteredSealUse,
                    request);
  }
  result.pdf =
      sign::signDocument(document, request, {key.privateKey(), key.certificate(), key.chain()}, timestamp);
  killPointForTests("signed");
  return result;
}

}  // namespace gongwen::approve
