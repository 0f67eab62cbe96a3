#include "signing/verify/PolicyReview.h"

#include <map>

#include "pipeline/core/Error.h"
#include "signing/cms/PemCertificates.h"

namespace gongwen::verify {
namespace {

// Certificates named by the policy, read once per verification, or once per process through `shared`.
class CertificateFiles {
 public:
  explicit CertificateFiles(cms::CertificateCache* shared) : shared_(shared) {}
  X509* load(const std::string& path) {
    if (shared_) {
      const std::vector<cms::X509Ptr>& certificates = shared_->certificates(path);
      return certificates.empty() ? nullptr : certificates.front().get();
    }
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      auto certificates = cms::readPemCertificates(path);
      it = cache_.emplace(path, certificates.empty() ? nullptr : std::move(certificates.front())).first;
    }
    return it->second.get();
  }
  bool matches(X509* signer, const std::string& path) {
    X509* cert = load(path);
    return cert && signer && X509_cmp(cert, signer) == 0;
  }

 private:
  cms::CertificateCache* shared_;
  std::map<std::string, cms::X509Ptr> cache_;
};

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : "、") + i;
  return s;
}

void identify(const policy::Policy& policy, X509* signer, CertificateFiles& files, SignatureReport& sig) {
  for (const auto& person : policy.people) {
    for (const auto& credential : person.credentials) {
      if (files.matches(signer, credential.certificatePath)) {
        sig.personId = person.id;
        sig.personName = person.name;
        sig.role = joined(person.roles);
        return;
      }
    }
  }
  for (const auto& seal : policy.seals) {
    for (const auto& credential : seal.credentials) {
      if (files.matches(signer, credential.certificatePath)) {
        sig.personId = seal.id;
        sig.personName = seal.name;
        sig.role = seal.name;
        return;
      }
    }
  }
}

}  // namespace

void reviewAgainstPolicy(const policy::Policy& policy, const std::vector<X509*>& signers,
                         const std::vector<std::time_t>& times, Report& report,
                         cms::CertificateCache* cache) {
  report.chainChecked = true;
  CertificateFiles files(cache);
  const policy::Chain* chain = nullptr;
  try {
    chain = &policy::approvalChainFor(policy, report.claims);
  } catch (const Error& refused) {
    report.documentProblems.push_back({refused.code(), refused.what()});
    return;
  }
  std::vector<policy::SignedStep> steps;
  for (size_t i = 0; i < report.signatures.size(); ++i) {
    SignatureReport& sig = report.signatures[i];
    identify(policy, signers[i], files, sig);
    if (sig.personId.empty()) {
      sig.problems.push_back(
          {"policy.unknown-signer",
           "the signer \"" + sig.subject + "\" holds no certificate of the policy " + policy.sourceFile});
    }
    const policy::Step* step = chain->findStep(sig.step);
    if (!step) {
      sig.problems.push_back(
          {"policy.unknown-step", "/GongwenStep \"" + sig.step + "\" is not a step of chain " + chain->id});
    } else if (!sig.personId.empty()) {
      bool accepted = false;
      for (const auto& path : policy::acceptedCertificates(policy, *step, sig.claimedPerson)) {
        accepted = accepted || files.matches(signers[i], path);
      }
      if (!accepted) {
        sig.problems.push_back({"policy.certificate-mismatch",
                                "/GongwenPerson \"" + sig.claimedPerson + "\" for step " + sig.step +
                                    " does not match the certificate that signed, which is " + sig.personId +
                                    "'s"});
      }
    }
    steps.push_back({sig.step, sig.claimedPerson, sig.actingFor});
  }
  const policy::ChainReview review =
      policy::reviewChain(policy, chain->id, steps, times, report.claims.applicant);
  for (const auto& finding : review.findings) {
    if (finding.index < report.signatures.size()) {
      report.signatures[finding.index].problems.push_back({finding.code, finding.message});
    } else {
      report.documentProblems.push_back({finding.code, finding.message});
    }
  }
  report.missingSteps = review.missingSteps;
  if (!review.missingSteps.empty()) {
    report.documentProblems.push_back(
        {"policy.chain-incomplete",
         "chain " + chain->id + " still lacks the steps: " + joined(review.missingSteps)});
  }
}

}  // namespace gongwen::verify
