#include "signing/verify/SignatureCheckCache.h"

#include <algorithm>

namespace gongwen::verify {

namespace {

cms::X509Ptr shared(const cms::X509Ptr& certificate) {
  if (certificate) X509_up_ref(certificate.get());
  return cms::X509Ptr(certificate.get());
}

SignedChecks copyOf(const SignedChecks& checks) {
  SignedChecks copy;
  const CmsFacts& from = checks.cms;
  CmsFacts& to = copy.cms;
  to.signer = shared(from.signer);
  if (from.certificates) to.certificates.reset(X509_chain_up_ref(from.certificates.get()));
  to.algorithm = from.algorithm;
  to.digestMatches = from.digestMatches;
  to.signatureValid = from.signatureValid;
  to.signingCertificateV2Present = from.signingCertificateV2Present;
  to.signingCertificateV2Matches = from.signingCertificateV2Matches;
  to.signingTimeAttribute = from.signingTimeAttribute;
  to.timestampDer = from.timestampDer;
  to.signatureValue = from.signatureValue;
  to.problems = from.problems;
  if (checks.timestamp) {
    copy.timestamp.emplace();
    copy.timestamp->genTime = checks.timestamp->genTime;
    copy.timestamp->authority = shared(checks.timestamp->authority);
    copy.timestamp->chain = checks.timestamp->chain;
    copy.timestamp->problem = checks.timestamp->problem;
  }
  return copy;
}

}  // namespace

std::optional<SignedChecks> SignatureCheckCache::find(const SignedInputs& inputs) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const Entry& e : entries_) {
    // /Contents first: it differs between any two signatures, so a miss costs one comparison.
    if (e.contents != inputs.contents || e.sm2UserId != inputs.sm2UserId ||
        e.requireSigningCertificateV2 != inputs.requireSigningCertificateV2 ||
        e.anchorFiles != *inputs.anchorFiles ||
        !std::equal(e.covered.begin(), e.covered.end(), inputs.covered.begin(), inputs.covered.end()))
      continue;
    return copyOf(e.checks);
  }
  return std::nullopt;
}

void SignatureCheckCache::add(const SignedInputs& inputs, const SignedChecks& checks) {
  Entry e{
      std::string(inputs.contents),  std::vector<std::string>(inputs.covered.begin(), inputs.covered.end()),
      std::string(inputs.sm2UserId), inputs.requireSigningCertificateV2,
      *inputs.anchorFiles,           copyOf(checks)};
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.push_back(std::move(e));
}

std::size_t SignatureCheckCache::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace gongwen::verify
