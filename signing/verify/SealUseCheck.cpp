#include "signing/verify/SealUseCheck.h"

#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/policy/SealRegisterLocation.h"

namespace gongwen::verify {
namespace {

// The register, opened on first need; when it cannot be opened, why, for every seal to report.
class RegisterAccess {
 public:
  explicit RegisterAccess(std::string path) : path_(std::move(path)) {}
  const policy::SealUseRegister* get() {
    if (!tried_) {
      tried_ = true;
      try {
        register_ = policy::openSealRegister(path_, policy::SealRegister::Access::ReadOnly);
      } catch (const Error& e) {
        failure_ = e.what();
      }
    }
    return register_.get();
  }
  const std::string& failure() const { return failure_; }

 private:
  std::string path_;
  bool tried_ = false;
  std::unique_ptr<policy::SealUseRegister> register_;
  std::string failure_;
};

// Whether the row's document digest is that of the file as it was before the seal's revision: the
// bytes up to the previous revision's end (with or without the end-of-line after its %%EOF, as the
// signer appended to whichever the input ended with).
bool digestMatchesApprovedRevision(const pdf::Document& document, size_t sealRevision,
                                   const std::string& digest, PrefixDigests& digests) {
  if (sealRevision < 2 || sealRevision > document.revisions().size()) return false;
  const pdf::Revision& previous = document.revisions()[sealRevision - 2];
  for (const size_t end : {previous.endAfterEol, previous.endAfterEof}) {
    // sealUseDigest is the SHA-256 of the bytes, here continued from what the signatures hashed.
    if (digests.sha256Hex(end) == digest) return true;
  }
  return false;
}

// What is wrong with a seal signature's row, or "" when the row bears it out.
std::string rowProblem(const pdf::Document& document, const SignatureReport& sig,
                       const policy::RegisteredSealUse& row, const std::string& signedHash,
                       PrefixDigests& digests) {
  const std::string name = "row " + std::to_string(row.sequence);
  if (row.rowHash != signedHash)
    return name + " of the register has the hash " + row.rowHash + ", the seal signed " + signedHash;
  if (!row.hashHolds) return name + "'s fields no longer give its hash: the row was changed";
  if (row.use.seal != sig.personId)
    return name + " records the seal " + row.use.seal + ", but the signature is not that seal's";
  if (row.use.step != sig.step) return name + " records the step " + row.use.step + ", not " + sig.step;
  if (!digestMatchesApprovedRevision(document, sig.revision, row.use.documentDigest, digests))
    return name +
           " records another document (its SHA-256 is not that of the revision the seal was "
           "appended to)";
  return {};
}

}  // namespace

void checkSealUses(const pdf::Document& document, const VerifyOptions& options, Report& report,
                   PrefixDigests* digests) {
  PrefixDigests own(document.bytes());
  const policy::Policy& policy = *options.policy;
  const std::string path = options.registerPath.empty() ? policy.registerPath : options.registerPath;
  RegisterAccess access(path);
  const size_t last = document.revisions().size() - 1;
  for (SignatureReport& sig : report.signatures) {
    const pdf::Object dict = document.object(sig.signatureObject, last).value_or(pdf::Object{});
    const pdf::Object* sequence = dict.get("GongwenSealUse");
    const std::string signedHash = pdf::textOf(dict.get("GongwenSealUseHash"));
    if (policy.findSeal(sig.personId) == nullptr && sequence == nullptr) continue;
    if (sequence == nullptr || !sequence->isInteger() || sequence->number < 1 || signedHash.empty()) {
      sig.problems.push_back({"seal-use.unregistered",
                              "the seal names no row of the seal-use register (/GongwenSealUse and "
                              "/GongwenSealUseHash): it was not applied through `gongwen sign`"});
      continue;
    }
    const auto number = static_cast<long long>(sequence->number);
    sig.sealUse = number;
    sig.sealUseHash = signedHash;
    const policy::SealUseRegister* sealRegister = access.get();
    if (sealRegister == nullptr) {
      sig.problems.push_back({"seal-use.unchecked", "the seal's row " + std::to_string(number) +
                                                        " could not be checked: " + access.failure()});
      continue;
    }
    const std::optional<policy::RegisteredSealUse> row = sealRegister->find(number);
    const std::string problem = row ? rowProblem(document, sig, *row, signedHash, digests ? *digests : own)
                                    : "row " + std::to_string(number) +
                                          " the seal names is not in the register " + path +
                                          " (removed, or the wrong register: give its copy with --register)";
    if (!problem.empty()) sig.problems.push_back({"seal-use.mismatch", problem});
  }
}

}  // namespace gongwen::verify
