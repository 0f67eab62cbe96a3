#include "signing/cms/CadesSigner.h"

#include <openssl/cms.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <algorithm>
#include <vector>

#include "pipeline/core/Error.h"
#include "signing/cms/OpenSslPtr.h"

namespace gongwen::cms {

namespace {

[[noreturn]] void fail(const std::string& step) {
  throw Error(ExitCode::System, "cms.sign",
              "building the CMS signature failed at " + step + ": " + lastOpenSslError());
}

std::string derLength(std::size_t n) {
  if (n < 0x80) return std::string(1, static_cast<char>(n));
  std::string bytes;
  for (; n > 0; n >>= 8) bytes.insert(bytes.begin(), static_cast<char>(n & 0xff));
  return std::string(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

// The DER of the signed attributes as a SET OF (tag 0x31), which is what the signature covers
// (RFC 5652 §5.4). DER orders SET OF members by their encodings.
std::string signedAttributesDer(CMS_SignerInfo* si) {
  std::vector<std::string> encoded;
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
    unsigned char* der = nullptr;
    const int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (len <= 0) fail("encoding a signed attribute");
    encoded.emplace_back(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
  }
  std::sort(encoded.begin(), encoded.end());
  std::string body;
  for (const auto& e : encoded) body += e;
  return "\x31" + derLength(body.size()) + body;
}

std::string signBytes(EVP_PKEY* key, const EVP_MD* md, const std::string& tbs) {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key) <= 0) fail("initialising the signer");
  if (isSm2Key(key) && EVP_PKEY_CTX_set1_id(pctx, kSm2DefaultUserId.data(), kSm2DefaultUserId.size()) <= 0)
    fail("setting the SM2 user ID");
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(tbs.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &length, data, tbs.size()) <= 0) fail("sizing the signature");
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                     tbs.size()) <= 0)
    fail("signing the signed attributes");
  signature.resize(length);
  return signature;
}

std::string sha256(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) <= 0) fail("hashing");
  return std::string(reinterpret_cast<char*>(md), len);
}

}  // namespace

bool isSm2Key(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "SM2")) return true;
  char group[64] = {};
  std::size_t len = 0;
  return EVP_PKEY_is_a(key, "EC") && EVP_PKEY_get_group_name(key, group, sizeof group, &len) > 0 &&
         std::string_view(group, len) == "SM2";
}

const EVP_MD* digestFor(EVP_PKEY* key) { return isSm2Key(key) ? EVP_sm3() : EVP_sha256(); }

std::string buildCadesSignature(const SignerMaterial& signer, std::string_view contentDigest,
                                const TimestampFetcher& timestamp) {
  const EVP_MD* md = digestFor(signer.key);
  CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_DETACHED | CMS_BINARY | CMS_PARTIAL));
  if (!cms) fail("creating SignedData");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), signer.certificate, signer.key, md,
                                       CMS_PARTIAL | CMS_CADES | CMS_NOSMIMECAP | CMS_BINARY);
  if (si == nullptr) fail("adding the signer (does the key match the certificate?)");
  for (int i = 0; signer.chain != nullptr && i < sk_X509_num(signer.chain); ++i) {
    X509* extra = sk_X509_value(signer.chain, i);
    if (X509_cmp(extra, signer.certificate) != 0 && CMS_add1_cert(cms.get(), extra) <= 0)
      fail("adding a chain certificate");
  }
  if (isSm2Key(signer.key)) {
    // OpenSSL 3.0 leaves the SignerInfo's signature algorithm empty for SM2.
    X509_ALGOR* signatureAlgorithm = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &signatureAlgorithm);
    if (X509_ALGOR_set0(signatureAlgorithm, OBJ_nid2obj(NID_SM2_with_SM3), V_ASN1_UNDEF, nullptr) <= 0)
      fail("setting the SM2 signature algorithm");
  }
  if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data),
                                  -1) <= 0 ||
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, contentDigest.data(),
                                  static_cast<int>(contentDigest.size())) <= 0)
    fail("adding the signed attributes");

  const std::string signature = signBytes(signer.key, md, signedAttributesDer(si));
  if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(),
                      static_cast<int>(signature.size())) <= 0)
    fail("storing the signature value");

  if (timestamp) {
    const std::string token = timestamp(sha256(signature));
    if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                      static_cast<int>(token.size())) <= 0)
      fail("adding the signature timestamp");
  }

  unsigned char* der = nullptr;
  const int len = i2d_CMS_ContentInfo(cms.get(), &der);
  if (len <= 0) fail("encoding the CMS");
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

}  // namespace gongwen::cms
