#pragma once
// One CRL or OCSP response judged for one certificate: whether it is about it, signed by its issuer
// (or, for OCSP, a responder the issuer delegated with id-kp-OCSPSigning), current at the
// verification time, and what it says. Internal to the revocation checker (RevocationCheck.cpp).

#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include <optional>
#include <string>
#include <vector>

#include "signing/verify/RevocationCheck.h"

namespace gongwen::verify {

struct RevocationAnswer {
  RevocationStatus status = RevocationStatus::Good;
  std::optional<std::time_t> revokedAt;
  std::string reason;
  std::string source;
};

// What one certificate's check needs, and what it found unusable (reported when no answer holds).
struct RevocationSubject {
  X509* certificate = nullptr;
  X509* issuer = nullptr;
  STACK_OF(X509) * knownCertificates = nullptr;  // candidates for a delegated OCSP responder
  std::time_t at = 0;
  std::vector<std::string> rejected;
};

// nullopt when the item says nothing usable about the certificate; why is added to `rejected` when
// it was about it (or fetched for it).
std::optional<RevocationAnswer> answerFromCrl(const ValidationItem& item, RevocationSubject& subject);
// `askedWith`: the request a fetched response answers (its nonce must match); null for stored ones.
std::optional<RevocationAnswer> answerFromOcsp(const ValidationItem& item, RevocationSubject& subject,
                                               OCSP_REQUEST* askedWith);

}  // namespace gongwen::verify
