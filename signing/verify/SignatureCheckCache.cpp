#include "signing/verify/SignatureCheckCache.h"

#include <algorithm>

namespace gongwen::verify {

namespace {

SignedFacts copyOf(const SignedFacts& facts) {
  SignedFacts copy;
  copy.algorithm = facts.algorithm;
  copy.digestOk = facts.digestOk;
  copy.signatureOk = facts.signatureOk;
  copy.signingCertificateOk = facts.signingCertificateOk;
  copy.subject = facts.subject;
  copy.time = facts.time;
  copy.timeSource = facts.timeSource;
  copy.checkedNow = facts.checkedNow;
  copy.signingTime = facts.signingTime;
  copy.trust = facts.trust;
  copy.problems = facts.problems;
  if (facts.signer) {
    X509_up_ref(facts.signer.get());
    copy.signer.reset(facts.signer.get());
  }
  return copy;
}

}  // namespace

bool SignatureCheckCache::find(const SignedInputs& inputs, SignedFacts& facts) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const Entry& e : entries_) {
    // /Contents first: it differs between any two signatures, so a miss costs one comparison.
    if (e.contents != inputs.contents || e.claimedTime != inputs.claimedTime ||
        e.sm2UserId != inputs.sm2UserId || e.anchorFiles != *inputs.anchorFiles ||
        !std::equal(e.covered.begin(), e.covered.end(), inputs.covered.begin(), inputs.covered.end()))
      continue;
    facts = copyOf(e.facts);
    return true;
  }
  return false;
}

void SignatureCheckCache::add(const SignedInputs& inputs, const SignedFacts& facts) {
  if (facts.checkedNow) return;
  Entry e{std::string(inputs.contents),
          std::vector<std::string>(inputs.covered.begin(), inputs.covered.end()),
          std::string(inputs.claimedTime),
          std::string(inputs.sm2UserId),
          *inputs.anchorFiles,
          copyOf(facts)};
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.push_back(std::move(e));
}

std::size_t SignatureCheckCache::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace gongwen::verify
