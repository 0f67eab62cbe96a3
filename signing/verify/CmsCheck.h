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
  std::optional<std::time_t> timestampTime;         // genTime of the signature timestamp
  std::string timestampDer;                         // the TimeStampToken, for a trust check later
  std::string signatureValue;                       // for the timestamp's message imprint
  std::vector<Problem> problems;
};

// `covered` are the byte ranges the PDF signature covers, in order. `sm2UserId` is the
// distinguishing ID assumed for SM2 signers (empty = OpenSSL's empty ID). PAdES
// (ETSI.CAdES.detached) requires signing-certificate-v2; ISO 32000's adbe.pkcs7.detached does not,
// but one that is there must name the signer.
CmsFacts checkCms(std::string_view der, const std::vector<std::string_view>& covered,
                  std::string_view sm2UserId = kDefaultSm2UserId, bool requireSigningCertificateV2 = true);

// Chain of `signer` to `anchors` (PEM files) with the CMS's certificates as intermediates, valid at
// `at`. Returns "" when it holds, else why not.
std::string checkChain(X509* signer, STACK_OF(X509) * untrusted, X509_STORE* anchors, std::time_t at);

// Verifies a TimeStampToken's signature to `anchors` and that it stamps `signatureValue`.
std::string checkTimestamp(const std::string& tokenDer, const std::string& signatureValue,
                           X509_STORE* anchors);

}  // namespace gongwen::verify
