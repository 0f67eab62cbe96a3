// gongwen verify FILE.pdf [--policy POLICY.xml] [--format text|json] [--at TIME] [--offline]: every
// signature's integrity, signer, trust, revocation status and what changed after it; with a policy, whether
// the approval chain holds. Without one the chain is not checked, and a document that claims one does not
// pass as if it had been.

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/cli/Command.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/Policy.h"
#include "signing/verify/ReportFormat.h"
#include "signing/verify/Verifier.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

int runVerify(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: gongwen verify FILE.pdf [--policy POLICY.xml] [--format text|json] [--at TIME] [--offline]");
  std::string policyPath, registerPath, format = "text", sm2UserId(verify::kDefaultSm2UserId), maxInputSize;
  std::vector<std::string> anchors;
  unsigned limitFactor = 1;
  std::string atText;
  bool offline = false;
  visible.add_options()("help,h", "print this help")(
      "policy", po::value(&policyPath), "the bureau's policy: people, approval chains and trust anchors")(
      "trust", po::value(&anchors)->composing(),
      "a PEM root certificate to trust (repeatable; besides the policy's)")("format", po::value(&format),
                                                                            "text (default) or json")(
      "register", po::value(&registerPath),
      "with --policy: a copy of the seal-use register to check seals against (default: the policy's)")(
      "sm2-user-id", po::value(&sm2UserId),
      "SM2 distinguishing ID the signers used (default 1234567812345678, GM/T 0009)")(
      "max-input-size", po::value(&maxInputSize),
      "largest PDF to read, in bytes or with K, M, G (default 512M)")(
      "pdf-limit-factor", po::value(&limitFactor), verify::pdf::kPdfLimitFactorHelp)(
      "at", po::value(&atText),
      "verify as of this UTC time, e.g. 2046-01-31T08:00:00Z (default now): revocation answers must be "
      "current then, and without a timestamp the certificate must be valid then")(
      "offline", po::bool_switch(&offline),
      "ask no CRL distribution point or OCSP responder: revocation only from the file and the policy");
  po::options_description all;
  std::string file;
  all.add(visible).add_options()("file", po::value(&file));
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nexit codes: 0 every signature valid and the document unchanged since (with --policy: and\n"
           "the approval chain allowed, complete and in order), 5 a signature or the document fails,\n"
           "7 signatures intact and trusted but the approval chain the document claims NOT checked:\n"
           "give --policy, 3 the file is not a readable PDF\n"
           "\nrevocation (hard-fail): every certificate of a signer's chain but the root that names a CRL\n"
           "distribution point or OCSP responder must be shown not revoked by a CRL or OCSP response signed\n"
           "by its issuer (or a responder it delegated) and current at the verification time, from the\n"
           "policy's <revocation> CRLs or else fetched over HTTP (not with --offline). Revoked before the\n"
           "signing time (without a timestamp: before the verification time) or status unknown - source\n"
           "unreachable, answer forged or stale, nothing usable with --offline - exits 5; revoked after\n"
           "the signing time is a note and the signature stays valid. A certificate naming no revocation\n"
           "source is reported as not checked, unless the policy's CRLs cover it.\n";
    return 0;
  }
  if (file.empty()) throw usageError("usage", "give the signed PDF to verify");
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  if (!registerPath.empty() && policyPath.empty())
    throw usageError("usage", "--register needs --policy (it names the seals to check)");

  if (!maxInputSize.empty()) setInputLimit(InputKind::Pdf, parseByteSize(maxInputSize, "--max-input-size"));
  verify::VerifyOptions options;
  options.trustAnchorFiles = anchors;
  options.sm2UserId = sm2UserId;
  options.registerPath = registerPath;
  options.limits = verify::pdf::Limits{}.scaledBy(limitFactor);
  options.offline = offline;
  if (!atText.empty()) {
    options.at = parseUtcTime(atText);
    if (!options.at)
      throw usageError("usage", "--at " + atText + " is not a UTC time like 2046-01-31T08:00:00Z");
  }
  policy::Policy policy;
  if (!policyPath.empty()) {
    policy = policy::loadPolicy(policyPath);
    options.policy = &policy;
  }
  const verify::Report report = verify::verifyFile(file, options);
  std::cout << (format == "json" ? verify::formatJson(report) : verify::formatText(report));
  if (!report.ok()) return static_cast<int>(ExitCode::SignatureInvalid);
  return static_cast<int>(report.chainLeftUnchecked() ? ExitCode::ChainUnchecked : ExitCode::Ok);
}

const bool registered =
    registerCommand({"verify", "check every signature and what changed after it", runVerify});

}  // namespace
}  // namespace gongwen::cli
