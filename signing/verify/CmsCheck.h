#pragma once
// Verification of one detached CMS SignedData (CAdES) against the bytes a PDF signature covers:
// the messageDigest, the signature over the DER of the signed attributes (SM2 with the GM/T 0009
// user ID), signing-certificate-v2, and the signature timestamp when there is one. DER and BER
// (indefinite-length, as NSS writes it) alike. Only OpenSSL's public API is used.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signing/cms/OpenSslPtr.h"
#include "signing/verify/PrefixDigests.h"

namespace gongwen::verify {

// GM/T 0009-2012 default SM2 distinguishing ID.
inline constexpr std::string_view kDefaultSm2UserId = "1234567812345678";

struct Problem {
  std::string code;  // stable, e.g. "integrity.digest-mismatch"
  std::string message;
};

struct CmsFacts {
  cms::X509Ptr signer;             // null when the CMS names no certificate it contains
  cms::X509StackPtr certificates;  // every certificate in the CMS
  std::string algorithm;           // e.g. "RSA-2048 with SHA-256", "SM2 with SM3"
  bool digestMatches = false;
  bool signatureValid = false;
  bool signingCertificateV2Present = false;
  bool signingCertificateV2Matches = false;
  std::optional<std::time_t> signingTimeAttribute;  // CMS signingTime, when present
  std::string timestampDer;                         // the signature TimeStampToken, when there is one
  std::string signatureValue;                       // for the timestamp's message imprint
  std::vector<Problem> problems;
};

// `covered` are the byte ranges the PDF signature covers, in order. `sm2UserId` is the
// distinguishing ID assumed for SM2 signers (empty = OpenSSL's empty ID). PAdES
// (ETSI.CAdES.detached) requires signing-certificate-v2; ISO 32000's adbe.pkcs7.detached does not,
// but one that is there must name the signer. `digests`, when given, is the document's that
// `covered` lies in: its leading bytes are then hashed once for all its signatures.
CmsFacts checkCms(std::string_view der, const std::vector<std::string_view>& covered,
                  std::string_view sm2UserId = kDefaultSm2UserId, bool requireSigningCertificateV2 = true,
                  PrefixDigests* digests = nullptr);

// An ASN.1 time as seconds since the epoch (nullopt when unreadable).
std::optional<std::time_t> toTime(const ASN1_TIME* t);

// The certificate's subject, RFC 2253, UTF-8.
std::string subjectOf(X509* cert);

// Chain of `signer` to `anchors` (PEM files) with the CMS's certificates as intermediates, valid at
// `at`. Returns "" when it holds, else why not; `built` (when given) receives the chain, signer first
// and the trust anchor last.
std::string checkChain(X509* signer, STACK_OF(X509) * untrusted, X509_STORE* anchors, std::time_t at,
                       cms::X509StackPtr* built = nullptr);

// An RFC 3161 TimeStampToken as the verifier sees it.
struct TimestampFacts {
  std::optional<std::time_t> genTime;  // when it cannot be parsed: none
  cms::X509Ptr authority;              // the TSA certificate the token carries, when it does
  std::vector<std::string> chain;      // when it verifies: the authority's chain to the anchor (DER)
  std::string problem;                 // "" when it verifies
};

// Verifies a TimeStampToken: that it stamps the concatenation of `stamped` (its message imprint,
// with the token's own digest algorithm) and that its signature verifies with a TSA certificate
// whose chain to `anchors` held at the token's own time. Checking the chain then rather than now
// is what lets a timestamp prove anything after its authority's certificate has expired.
// `anchors` is used for this call only (its verification time is set and cleared again).
TimestampFacts checkTimestampToken(std::string_view tokenDer, const std::vector<std::string_view>& stamped,
                                   X509_STORE* anchors);

}  // namespace gongwen::verify
