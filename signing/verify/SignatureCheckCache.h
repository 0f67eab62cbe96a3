#pragma once
// The checks of a signature that cost and depend on nothing but the signature itself (the CMS digest
// over the signed bytes, the signature, signing-certificate-v2, the signature timestamp token's own
// check), kept for verifying again a document that has since grown by a revision: sign and batch
// verify the whole document before each step, so without it the four steps of a chain check the first
// signature five times. A result is reused only for exactly the inputs it was made from, compared byte
// for byte (the signed bytes, /Contents, the SM2 user ID, whether signing-certificate-v2 is required
// and the trust anchor files): nothing is trusted that this process has not itself verified. Reused
// only with a certificate cache, which fixes the anchors' contents for the process (VerifyOptions).
// The chain and revocation are not kept: they depend on the verification time, on the document
// timestamps and on the validation data, all of which a later revision or another verification changes.

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signing/verify/CmsCheck.h"

namespace gongwen::verify {

// What checkSignature learns from the CMS and its timestamp token alone.
struct SignedChecks {
  CmsFacts cms;
  std::optional<TimestampFacts> timestamp;  // when the CMS carries a signature timestamp token
};

// What those checks are made from.
struct SignedInputs {
  std::string_view contents;  // the CMS, decoded from /Contents
  std::vector<std::string_view> covered;
  std::string_view sm2UserId;
  bool requireSigningCertificateV2 = true;
  const std::vector<std::string>* anchorFiles = nullptr;
  PrefixDigests* digests = nullptr;  // the document's, to hash `covered` with (not part of what is compared)
};

// Shared by the threads that verify one document's revisions (an ingest prepares files in parallel).
class SignatureCheckCache {
 public:
  // A copy of the checks made for exactly `inputs`, or nullopt.
  std::optional<SignedChecks> find(const SignedInputs& inputs) const;
  void add(const SignedInputs& inputs, const SignedChecks& checks);
  std::size_t size() const;

 private:
  struct Entry {
    std::string contents;
    std::vector<std::string> covered;
    std::string sm2UserId;
    bool requireSigningCertificateV2 = true;
    std::vector<std::string> anchorFiles;
    SignedChecks checks;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace gongwen::verify
