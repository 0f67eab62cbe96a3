#pragma once
// Revocation status of each certificate of a signer's chain from CRLs and OCSP responses: those in
// the ValidationData first, then (unless offline) fetched from the certificate's CRL distribution
// points and OCSP responders. A CRL or OCSP response counts only when its signature verifies against
// the certificate's issuer (or, for OCSP, a responder the issuer delegated with id-kp-OCSPSigning),
// it is about this certificate, and it was current at the verification time.

#include <openssl/x509.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "signing/verify/CmsCheck.h"
#include "signing/verify/ValidationData.h"

namespace gongwen::verify {

enum class RevocationStatus {
  Good,
  Revoked,
  Unknown,     // the certificate names a source but no usable answer was found: a failure
  Undeclared,  // the certificate names no CRL distribution point or OCSP responder, none was given
};

struct CertificateRevocation {
  std::string subject;
  RevocationStatus status = RevocationStatus::Unknown;
  std::string source;                    // e.g. "OCSP, network http://...", "CRL, policy crl.pem"
  std::optional<std::time_t> revokedAt;  // when Revoked
  std::string reason;                    // CRL reason code when Revoked and given, e.g. "keyCompromise"
  std::string detail;                    // when Unknown: what is missing or what failed
};

// `chain` is the signer's certificate followed by its issuers up to the trust anchor (as
// X509_STORE_CTX_get1_chain returns it); every certificate but the last is checked. Answers must be
// current at `data.at`; fetched ones are added to `data` with source Network.
std::vector<CertificateRevocation> checkRevocation(STACK_OF(X509) * chain, ValidationData& data);

struct RevocationVerdict {
  std::vector<Problem> problems;   // revoked before `signingTime`; status unknown
  std::vector<std::string> notes;  // revoked after `signingTime`: the signature stays valid
};
RevocationVerdict judgeRevocation(const std::vector<CertificateRevocation>& statuses,
                                  std::time_t signingTime);

const char* statusName(RevocationStatus status);

}  // namespace gongwen::verify
