// gongwen sign IN.pdf -o OUT.pdf --policy POLICY.xml --as PERSON [--step STEP]: adds one approval
// signature or the seal, as the policy allows, in a new incremental revision. Every refusal and
// every error leaves the input untouched and writes no output.

#include <openssl/crypto.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "pipeline/cli/Command.h"
#include "pipeline/cli/CommandLine.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DeferredTermination.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/policy/Policy.h"
#include "signing/approve/ApprovalStep.h"
#include "signing/keys/SigningKey.h"
#include "signing/ltv/LongTermExtension.h"
#include "signing/verify/Verifier.h"

namespace gongwen::cli {
namespace {

namespace po = boost::program_options;

struct SignOptions {
  std::string input, output, policy, person, step, credential;
  std::string passwordEnv, passwordFile, pinEnv, pinFile, maxInputSize, fonts;
  unsigned pdfLimitFactor = 1;
  bool longTerm = false;
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

int signBody(const std::vector<std::string>& args) {
  // OpenSSL's clean-up at exit frees every table it built, a few per cent of a cold `sign`, to hand
  // the memory back to a process that is ending. Asked for before OpenSSL starts, or it is too late.
  OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
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
      "pdf-limit-factor", po::value(&o.pdfLimitFactor), verify::pdf::kPdfLimitFactorHelp)(
      "fonts", po::value(&o.fonts),
      "font configuration for a form's visible signature (default: fonts/fonts.xml)")(
      "ltv", po::bool_switch(&o.longTerm),
      "also add the validation data (DSS) and, with the policy's timestamp authority, a document timestamp");
  const po::variables_map vm = parseCommandLine(args, visible, "input", po::value(&o.input)->required());
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nPasswords and PINs are read from the environment, a file or the terminal, never argv.\n"
           "Exit codes: 0 signed, 2 usage, 3 input invalid, 4 policy refused, 5 the signatures so far do\n"
           "not verify, 6 I/O.\n";
    return 0;
  }

  if (!o.maxInputSize.empty())
    setInputLimit(InputKind::Pdf, parseByteSize(o.maxInputSize, "--max-input-size"));
  const policy::Policy policy = policy::loadPolicy(o.policy);
  const std::string original = readInput(o.input, InputKind::Pdf);
  if (!o.fonts.empty()) noteInput(o.fonts);
  // Once the input and the policy's files are noted: the output may be none of them.
  ensureWritable(o.output);
  approve::StepRequest request;
  request.personId = o.person;
  request.stepId = o.step;
  request.credentialId = o.credential;
  request.now = std::time(nullptr);
  request.limits = verify::pdf::Limits{}.scaledBy(o.pdfLimitFactor);
  request.fontConfigPath = o.fonts;
  std::optional<keys::SigningKey> key;
  approve::SignedStep signedStep = approve::signStep(
      policy, original, o.input, request,
      [&](const policy::Credential& credential, const std::string& holder) -> const keys::SigningKey& {
        const keys::SecretSource secret =
            credential.onToken()
                ? secretSource(o.pinEnv, o.pinFile, holder + " 的令牌 PIN", "PIN")
                : secretSource(o.passwordEnv, o.passwordFile, holder + " 的证书口令", "password");
        return key.emplace(keys::loadSigningKey(credential, secret));
      });
  const policy::Authorisation& granted = signedStep.granted;
  // Moved, not copied: a copy fills fresh pages, page faults that a cold sign need not pay.
  std::string published = std::move(signedStep.pdf);
  if (o.longTerm) {
    ltv::ExtensionRequest extension;
    extension.timestampUrl = policy.timestampUrl;
    extension.verify.policy = &policy;
    extension.verify.limits = request.limits;
    published = ltv::extendForLongTerm(published, o.input, extension);
  }
  {
    const DeferredTermination untilWritten;
    WriteOptions write;
    write.ownerOnly = isOwnerOnly(o.input);  // a classified document's PDF stays 0600 through its revisions
    writeFileAtomically(o.output, published, write);
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
