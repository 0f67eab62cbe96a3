// gongwen sign IN.pdf -o OUT.pdf --policy POLICY.xml --as PERSON [--step STEP]: adds one approval
// signature or the seal, as the policy allows, in a new incremental revision. Every refusal and
// every error leaves the input untouched and writes no output.

#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "pipeline/cli/Command.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DeferredTermination.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/policy/SealRegister.h"
#include "signing/cms/PemCertificates.h"
#include "signing/cms/TimestampClient.h"
#include "signing/keys/SigningKey.h"
#include "signing/sign/PdfSigner.h"
#include "signing/verify/SigningPrecheck.h"
#include "signing/verify/Verifier.h"

namespace gongwen::cli {
namespace {

namespace po = boost::program_options;

struct SignOptions {
  std::string input, output, policy, person, step, credential;
  std::string passwordEnv, passwordFile, pinEnv, pinFile, maxInputSize;
  unsigned pdfLimitFactor = 1;
};

keys::SecretSource secretSource(const std::string& env, const std::string& file, const std::string& label,
                                const char* what) {
  if (!env.empty() && !file.empty())
    throw usageError("usage.secret", std::string("give the ") + what +
                                         " either from an environment variable or a file, not both");
  if (!env.empty()) return keys::SecretSource::fromEnvironment(env);
  if (!file.empty()) return keys::SecretSource::fromFile(file);
  return keys::SecretSource::prompt(label);
}

// The key must be the one the policy names: its certificate must be the credential's certificate.
void checkCertificateIsPolicys(X509* certificate, const std::string& certificatePath,
                               const std::string& holder) {
  const auto expected = cms::readPemCertificates(certificatePath);
  const bool same = !expected.empty() && X509_cmp(expected.front().get(), certificate) == 0;
  if (!same)
    throw policyError("policy.certificate-mismatch", "the key given for " + holder +
                                                         " does not belong to the certificate " +
                                                         certificatePath + " the policy names");
}

// 用印登记: who applied which seal to which approved document, on whose authority. Registered
// before the sealed PDF exists, which names the row: a stop at any point leaves either no seal, or
// a seal whose row is there (a row without its PDF is an attempted use).
void registerSealUse(policy::SealRegister& sealRegister, const policy::Authorisation& granted,
                     const std::vector<policy::SignedStep>& signedSteps, const std::string& approvedPdf,
                     std::time_t now, sign::SignatureRequest& request) {
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
  const policy::RegisteredSealUse row = sealRegister.append(use);
  request.sealUseSequence = row.sequence;
  request.sealUseHash = row.rowHash;
}

int signBody(const std::vector<std::string>& args) {
  SignOptions o;
  po::options_description visible("gongwen sign IN.pdf -o OUT.pdf --policy POLICY.xml --as PERSON [options]");
  visible.add_options()("help,h", "show this help")("output,o", po::value(&o.output)->required(),
                                                    "signed PDF to write (- for standard output)")(
      "policy", po::value(&o.policy)->required(), "the bureau's policy file")(
      "as", po::value(&o.person)->required(), "person id of the signer (for a seal: its keeper)")(
      "step", po::value(&o.step), "step id to give (default: the next step this person may give)")(
      "credential", po::value(&o.credential), "credential id of the signer or seal (default: the first)")(
      "password-env", po::value(&o.passwordEnv), "environment variable holding the PKCS#12 password")(
      "password-file", po::value(&o.passwordFile), "file holding the PKCS#12 password")(
      "pin-env", po::value(&o.pinEnv), "environment variable holding the token PIN")(
      "pin-file", po::value(&o.pinFile), "file holding the token PIN")(
      "max-input-size", po::value(&o.maxInputSize),
      "largest PDF to read, in bytes or with K, M, G (default 512M)")(
      "pdf-limit-factor", po::value(&o.pdfLimitFactor), verify::pdf::kPdfLimitFactorHelp);
  po::options_description all;
  all.add(visible).add_options()("input", po::value(&o.input)->required());
  po::positional_options_description positional;
  positional.add("input", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nPasswords and PINs are read from the environment, a file or the terminal, never argv.\n"
           "Exit codes: 0 signed, 2 usage, 3 input invalid, 4 policy refused, 5 the signatures so far do\n"
           "not verify, 6 I/O.\n";
    return 0;
  }
  po::notify(vm);

  if (!o.maxInputSize.empty())
    setInputLimit(InputKind::Pdf, parseByteSize(o.maxInputSize, "--max-input-size"));
  const policy::Policy policy = policy::loadPolicy(o.policy);
  const std::string original = readInput(o.input, InputKind::Pdf);
  // Once the input and the policy's files are noted: the output may be none of them.
  ensureWritable(o.output);
  // The next step rests on the ones before it: everything signed so far must verify.
  verify::VerifyOptions verifyOptions;
  verifyOptions.policy = &policy;
  verifyOptions.limits = verify::pdf::Limits{}.scaledBy(o.pdfLimitFactor);
  const verify::Report verified = verify::verifyPdf(original, o.input, verifyOptions);
  // The chain follows from what the original as rendered claims, by the policy's rules, the way
  // verify derives it: never from the requested chain alone or from a later revision.
  const policy::DocumentClaims& claims = verified.claims;
  if (claims.chain.empty())
    throw inputError("sign.no-chain", o.input +
                                          ": the PDF names no approval chain (/GongwenChain in its Info "
                                          "dictionary); render it with `gongwen render`");
  if (auto refused = verify::signingRefusal(verified)) throw *refused;
  const sign::SignableDocument document(original, o.input);
  const std::string chainId = policy::approvalChainFor(policy, claims).id;
  // The steps as the verifier found them, in the order their revisions were signed.
  std::vector<policy::SignedStep> signedSteps;
  for (const auto& s : verified.signatures) signedSteps.push_back({s.step, s.claimedPerson, s.actingFor});

  const std::time_t now = std::time(nullptr);
  const policy::Authorisation granted =
      policy::authorise(policy, chainId, signedSteps, o.person, o.step, now, claims.applicant);
  const std::string holder = granted.seal != nullptr ? granted.seal->name + " (" + granted.seal->id + ")"
                                                     : granted.signer->name + " (" + granted.signer->id + ")";
  const policy::Credential& credential = policy::selectCredential(*granted.credentials, o.credential, holder);
  const keys::SecretSource secret =
      credential.onToken() ? secretSource(o.pinEnv, o.pinFile, holder + " 的令牌 PIN", "PIN")
                           : secretSource(o.passwordEnv, o.passwordFile, holder + " 的证书口令", "password");
  const keys::SigningKey key = keys::loadSigningKey(credential, secret);
  keys::checkCertificateValidity(key.certificate(), now, holder);
  checkCertificateIsPolicys(key.certificate(), credential.certificatePath, holder);

  // Opened before anything is written, so that a register that cannot be opened refuses the seal.
  std::optional<policy::SealRegister> sealRegister;
  if (granted.seal != nullptr) sealRegister.emplace(policy.registerPath);

  sign::SignatureRequest request;
  request.stepId = granted.step->id;
  request.personId = granted.signer->id;
  request.actingForId = granted.actingFor != nullptr ? granted.actingFor->id : "";
  request.signerName = granted.signer->name;
  request.reason = granted.step->name;
  if (granted.seal != nullptr) {
    request.sealId = granted.seal->id;
    request.sealImagePath = granted.seal->imagePath;
  }
  request.signingTime = now;
  // A form's box shows who signed: the fonts are loaded only for a document that has one.
  std::optional<fonts::FontLibrary> fontLibrary;
  if (request.sealId.empty() && sign::hasBoxFor(document, request.stepId)) {
    fontLibrary.emplace(fonts::FontConfig::defaults());
    request.boxFont = &fontLibrary->face(fonts::FontRole::Kaiti);
  }
  cms::TimestampFetcher timestamp;
  if (!policy.timestampUrl.empty())
    timestamp = [&](std::string_view imprint) {
      return cms::fetchTimestampToken(policy.timestampUrl, imprint);
    };
  killPointForTests("authorised");
  if (sealRegister) {
    sign::checkSealCanBeApplied(document, request);  // a seal that cannot be applied is not a use
    registerSealUse(*sealRegister, granted, signedSteps, original, now, request);
  }
  const std::string signedPdf =
      sign::signDocument(document, request, {key.privateKey(), key.certificate(), key.chain()}, timestamp);
  killPointForTests("signed");
  {
    const DeferredTermination untilWritten;
    WriteOptions write;
    write.ownerOnly = isOwnerOnly(o.input);  // a classified document's PDF stays 0600 through its revisions
    writeFileAtomically(o.output, signedPdf, write);
  }
  killPointForTests("published");
  // With -o - the PDF is on standard output: the summary goes to standard error.
  (o.output == "-" ? std::cerr : std::cout)
      << "signed " << granted.step->name << " (" << granted.step->id << ") as " << granted.signer->name
      << (granted.actingFor != nullptr ? " acting for " + granted.actingFor->name : "") << " → " << o.output
      << "\n";
  return 0;
}

int runSign(const std::vector<std::string>& args) { return guarded("sign", signBody, args); }

const bool registered =
    registerCommand({"sign", "sign a PDF as a step of its approval chain, or seal it", runSign});

}  // namespace
}  // namespace gongwen::cli
