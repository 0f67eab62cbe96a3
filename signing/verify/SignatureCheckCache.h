#pragma once
// The checks of a signature that cost (the CMS digest over the signed bytes, the signature, the
// certificate chain, the timestamp), kept for verifying again a document that has since grown by a
// revision: sign and batch verify the whole document before each step, so without it the four steps
// of a chain check the first signature five times. A result is reused only for exactly the inputs it
// was made from, compared byte for byte (the signed bytes, /Contents, /M, the SM2 user ID and the trust
// anchor files): nothing is trusted that this process has not itself verified. Reused only with a
// certificate cache, which fixes the anchors' contents for the process (VerifyOptions).

#include <cstddef>
#include <ctime>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "signing/cms/OpenSslPtr.h"
#include "signing/verify/CmsCheck.h"

namespace gongwen::verify {

// What checkSignature learns from the CMS and the chain, given the signed bytes.
struct SignedFacts {
  std::string algorithm;
  bool digestOk = false;
  bool signatureOk = false;
  bool signingCertificateOk = false;
  std::string subject;
  std::time_t time = 0;
  std::string timeSource;
  bool checkedNow = false;  // the signature gives no time: checked at the time of the check
  std::string signingTime;
  std::string trust;
  std::vector<Problem> problems;
  cms::X509Ptr signer;
};

// What those facts are made from.
struct SignedInputs {
  std::string_view contents;  // the CMS, decoded from /Contents
  std::vector<std::string_view> covered;
  std::string_view claimedTime;  // /M
  std::string_view sm2UserId;
  const std::vector<std::string>* anchorFiles = nullptr;
};

// Shared by the threads that verify one document's revisions (an ingest prepares files in parallel).
class SignatureCheckCache {
 public:
  // A copy of the facts checked for exactly `inputs`, or false.
  bool find(const SignedInputs& inputs, SignedFacts& facts) const;
  // Kept unless they depend on the time of the check (a signature that gives no time).
  void add(const SignedInputs& inputs, const SignedFacts& facts);
  std::size_t size() const;

 private:
  struct Entry {
    std::string contents;
    std::vector<std::string> covered;
    std::string claimedTime;
    std::string sm2UserId;
    std::vector<std::string> anchorFiles;
    SignedFacts facts;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace gongwen::verify
