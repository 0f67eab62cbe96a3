#pragma once
// Builds the CMS SignedData of a PAdES baseline signature (SubFilter ETSI.CAdES.detached): detached
// content, signed attributes content-type, message-digest and signing-certificate-v2, no
// signing-time (PAdES puts the claimed time in the signature dictionary's /M instead), and
// optionally a signature timestamp (id-aa-signatureTimeStampToken, PAdES B-T).
//
// The signature over the signed attributes is computed here rather than by CMS_final: that keeps
// signing-time out and lets SM2 sign with the GM/T 0009 default distinguishing ID, which OpenSSL
// 3.0's CMS code never sets.

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <functional>
#include <string>
#include <string_view>

namespace gongwen::cms {

// GM/T 0009-2012 default SM2 user ID; verifiers of Chinese e-government signatures assume it.
inline constexpr std::string_view kSm2DefaultUserId = "1234567812345678";

// What signs: borrowed, must outlive the call. `chain` may be null (certificates added to the CMS
// besides the signer's, root excluded or not as the caller chooses).
struct SignerMaterial {
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509) * chain = nullptr;
};

// Returns the DER TimeStampToken for a message imprint (SHA-256 of the signature value).
using TimestampFetcher = std::function<std::string(std::string_view sha256OfSignature)>;

// The digest a key signs with: SM3 for SM2 keys, SHA-256 otherwise.
const EVP_MD* digestFor(EVP_PKEY* key);
bool isSm2Key(EVP_PKEY* key);

// Builds the DER CMS ContentInfo for content whose digest (with digestFor(key)) is `contentDigest`.
// `timestamp` may be empty (B-B). Throws Error(System, "cms.sign") naming the failing step.
std::string buildCadesSignature(const SignerMaterial& signer, std::string_view contentDigest,
                                const TimestampFetcher& timestamp = {});

}  // namespace gongwen::cms
