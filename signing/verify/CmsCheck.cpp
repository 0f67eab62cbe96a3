#include "signing/verify/CmsCheck.h"

#include <openssl/ess.h>
#include <openssl/pkcs7.h>

#include "signing/cms/PemCertificates.h"
#include "signing/verify/CmsParsing.h"

namespace gongwen::verify {
namespace {

std::string readableDigest(const EVP_MD* md) {
  switch (EVP_MD_get_type(md)) {
    case NID_sha256:
      return "SHA-256";
    case NID_sha384:
      return "SHA-384";
    case NID_sha512:
      return "SHA-512";
    case NID_sm3:
      return "SM3";
    default:
      return OBJ_nid2sn(EVP_MD_get_type(md));
  }
}

std::string keyDescription(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "SM2")) return "SM2";
  if (EVP_PKEY_is_a(key, "RSA")) return "RSA-" + std::to_string(EVP_PKEY_get_bits(key));
  if (EVP_PKEY_is_a(key, "EC")) {
    char group[64] = "";
    size_t len = 0;
    EVP_PKEY_get_group_name(key, group, sizeof group, &len);
    if (std::string_view(group) == "SM2") return "SM2";
    return std::string("ECDSA ") + (std::string_view(group) == "prime256v1" ? "P-256" : group);
  }
  return EVP_PKEY_get0_type_name(key) ? EVP_PKEY_get0_type_name(key) : "unknown key";
}

bool isSm2(EVP_PKEY* key) { return keyDescription(key) == "SM2"; }

bool verifySignedAttributes(EVP_PKEY* key, const EVP_MD* md, const std::string& signedAttrs,
                            const ASN1_OCTET_STRING* signature, std::string_view sm2UserId) {
  cms::EvpMdCtxPtr mctx(EVP_MD_CTX_new());
  cms::EvpPkeyCtxPtr pctx(EVP_PKEY_CTX_new(key, nullptr));
  if (!mctx || !pctx) return false;
  if (isSm2(key)) {
    // OpenSSL's CMS code would verify with an empty ID; GM/T 0009 signers use the default one.
    if (!sm2UserId.empty() &&
        EVP_PKEY_CTX_set1_id(pctx.get(), sm2UserId.data(), static_cast<int>(sm2UserId.size())) <= 0) {
      return false;
    }
    EVP_MD_CTX_set_pkey_ctx(mctx.get(), pctx.get());
  }
  const bool ok =
      EVP_DigestVerifyInit(mctx.get(), nullptr, md, nullptr, key) == 1 &&
      EVP_DigestVerify(mctx.get(), ASN1_STRING_get0_data(signature),
                       static_cast<size_t>(ASN1_STRING_length(signature)),
                       reinterpret_cast<const unsigned char*>(signedAttrs.data()), signedAttrs.size()) == 1;
  ERR_clear_error();
  return ok;
}

// What the signature over the signed attributes covers, as `openssl cms -verify` and Bouncy Castle
// compute it (RFC 5652 §5.4): the attributes as parsed, each re-encoded in DER and kept in the order
// received, under a SET tag. Not the bytes as they stand in /Contents: a BER signer (NSS, i.e.
// pdfsig) encodes the SignedData around them with indefinite lengths, and may so encode the
// attributes themselves, while what it signed is their DER.
std::optional<std::string> signedAttributesDer(CMS_SignerInfo* si) {
  const int count = CMS_signed_get_attr_count(si);
  if (count <= 0) return std::nullopt;
  std::string attributes;
  for (int i = 0; i < count; ++i) {
    unsigned char* der = nullptr;
    const int length = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (length <= 0) return std::nullopt;
    attributes.append(reinterpret_cast<const char*>(der), static_cast<size_t>(length));
    OPENSSL_free(der);
  }
  const int headerLength = ASN1_object_size(1, static_cast<int>(attributes.size()), V_ASN1_SET) -
                           static_cast<int>(attributes.size());
  std::string set(static_cast<size_t>(headerLength), '\0');
  auto* header = reinterpret_cast<unsigned char*>(set.data());
  ASN1_put_object(&header, 1, static_cast<int>(attributes.size()), V_ASN1_SET, V_ASN1_UNIVERSAL);
  return set + attributes;
}

const ASN1_STRING* signedAttribute(CMS_SignerInfo* si, int nid, int type) {
  return static_cast<const ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(nid), -3, type));
}

std::optional<std::time_t> signingTime(CMS_SignerInfo* si) {
  const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (index < 0) return std::nullopt;
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
  if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) return std::nullopt;
  return toTime(value->value.utctime);
}

void checkSigningCertificateV2(CMS_SignerInfo* si, X509* signer, bool required, CmsFacts& facts) {
  const ASN1_STRING* attr = signedAttribute(si, NID_id_smime_aa_signingCertificateV2, V_ASN1_SEQUENCE);
  facts.signingCertificateV2Present = attr != nullptr;
  if (!attr) {
    if (!required) return;
    facts.problems.push_back({"cms.no-signing-certificate-v2",
                              "the CMS lacks the signing-certificate-v2 attribute that PAdES requires"});
    return;
  }
  const unsigned char* p = ASN1_STRING_get0_data(attr);
  cms::EssV2Ptr ess(d2i_ESS_SIGNING_CERT_V2(nullptr, &p, ASN1_STRING_length(attr)));
  cms::X509StackPtr chain(sk_X509_new_null());
  X509_up_ref(signer);
  sk_X509_push(chain.get(), signer);
  facts.signingCertificateV2Matches =
      ess && OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain.get(), 1) > 0;
  ERR_clear_error();
  if (!facts.signingCertificateV2Matches) {
    facts.problems.push_back({"cms.signing-certificate-mismatch",
                              "signing-certificate-v2 does not name the certificate that signed"});
  }
}

// The token is only located here: it is parsed once, where it is verified (checkTimestampToken).
void readTimestamp(CMS_SignerInfo* si, CmsFacts& facts) {
  const auto* token = static_cast<const ASN1_STRING*>(
      CMS_unsigned_get0_data_by_OBJ(si, OBJ_nid2obj(NID_id_smime_aa_timeStampToken), -3, V_ASN1_SEQUENCE));
  if (!token) return;
  facts.timestampDer.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(token)),
                            static_cast<size_t>(ASN1_STRING_length(token)));
}

}  // namespace

std::optional<std::time_t> toTime(const ASN1_TIME* t) {
  std::tm tm{};
  if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return std::nullopt;
  return timegm(&tm);
}

std::string subjectOf(X509* cert) {
  cms::BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

CmsFacts checkCms(std::string_view der, const std::vector<std::string_view>& covered,
                  std::string_view sm2UserId, bool requireSigningCertificateV2, PrefixDigests* digests) {
  CmsFacts facts;
  cms::CmsPtr contentInfo = parseCmsContentInfo(der);
  if (!contentInfo || OBJ_obj2nid(CMS_get0_type(contentInfo.get())) != NID_pkcs7_signed) {
    ERR_clear_error();
    facts.problems.push_back({"cms.malformed", "/Contents does not hold a CMS SignedData"});
    return facts;
  }
  STACK_OF(CMS_SignerInfo)* signerInfos = CMS_get0_SignerInfos(contentInfo.get());
  if (sk_CMS_SignerInfo_num(signerInfos) != 1) {
    facts.problems.push_back({"cms.signer-count", "the CMS must carry exactly one SignerInfo"});
    return facts;
  }
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signerInfos, 0);
  facts.certificates.reset(CMS_get1_certs(contentInfo.get()));
  for (int i = 0; facts.certificates && i < sk_X509_num(facts.certificates.get()); ++i) {
    X509* candidate = sk_X509_value(facts.certificates.get(), i);
    if (CMS_SignerInfo_cert_cmp(si, candidate) == 0) {
      X509_up_ref(candidate);
      facts.signer.reset(candidate);
      break;
    }
  }
  if (!facts.signer) {
    facts.problems.push_back(
        {"cms.no-signer-certificate", "the CMS does not contain the signer's certificate"});
    return facts;
  }
  X509_ALGOR* digestAlg = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digestAlg, nullptr);
  const ASN1_OBJECT* digestOid = nullptr;
  X509_ALGOR_get0(&digestOid, nullptr, nullptr, digestAlg);
  const EVP_MD* md = EVP_get_digestbyobj(digestOid);
  EVP_PKEY* key = X509_get0_pubkey(facts.signer.get());
  if (!md || !key) {
    facts.problems.push_back(
        {"cms.unsupported-algorithm", "the CMS uses a digest or key this verifier does not know"});
    return facts;
  }
  facts.algorithm = keyDescription(key) + " with " + readableDigest(md);

  const std::string digest = digests ? digests->digest(md, covered) : PrefixDigests({}).digest(md, covered);
  const ASN1_STRING* messageDigest = signedAttribute(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING);
  facts.digestMatches = messageDigest && !digest.empty() &&
                        ASN1_STRING_length(messageDigest) == static_cast<int>(digest.size()) &&
                        std::equal(digest.begin(), digest.end(),
                                   reinterpret_cast<const char*>(ASN1_STRING_get0_data(messageDigest)));
  if (!facts.digestMatches) {
    facts.problems.push_back(
        {"integrity.digest-mismatch", "the CMS messageDigest is not the " + readableDigest(md) +
                                          " of the signed byte ranges: the signed bytes were changed, or the "
                                          "signature was made for another document"});
  }

  const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(si);
  facts.signatureValue.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                              static_cast<size_t>(ASN1_STRING_length(signature)));
  const auto signedAttrs = signedAttributesDer(si);
  facts.signatureValid = signedAttrs && verifySignedAttributes(key, md, *signedAttrs, signature, sm2UserId);
  if (!facts.signatureValid) {
    facts.problems.push_back(
        {"integrity.signature-invalid",
         "the " + facts.algorithm + " signature over the signed attributes does not verify" +
             (isSm2(key) ? " with SM2 user ID \"" + std::string(sm2UserId) + "\"" : "")});
  }
  checkSigningCertificateV2(si, facts.signer.get(), requireSigningCertificateV2, facts);
  facts.signingTimeAttribute = signingTime(si);
  readTimestamp(si, facts);
  return facts;
}

std::string checkChain(X509* signer, STACK_OF(X509) * untrusted, X509_STORE* anchors, std::time_t at,
                       cms::X509StackPtr* built) {
  cms::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  if (!ctx || X509_STORE_CTX_init(ctx.get(), anchors, signer, untrusted) != 1) return "cannot build a chain";
  X509_STORE_CTX_set_time(ctx.get(), 0, at);
  const int ok = X509_verify_cert(ctx.get());
  const int error = X509_STORE_CTX_get_error(ctx.get());
  if (ok == 1 && built) built->reset(X509_STORE_CTX_get1_chain(ctx.get()));
  ERR_clear_error();
  return ok == 1 ? "" : X509_verify_cert_error_string(error);
}

TimestampFacts checkTimestampToken(std::string_view tokenDer, const std::vector<std::string_view>& stamped,
                                   X509_STORE* anchors) {
  TimestampFacts facts;
  const auto* p = reinterpret_cast<const unsigned char*>(tokenDer.data());
  cms::Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, static_cast<long>(tokenDer.size())));
  cms::TstInfoPtr info(token ? PKCS7_to_TS_TST_INFO(token.get()) : nullptr);
  cms::TsVerifyCtxPtr ctx(TS_VERIFY_CTX_new());
  if (!token || !info || !ctx) {
    ERR_clear_error();
    facts.problem = "the timestamp token cannot be parsed";
    return facts;
  }
  facts.genTime = toTime(TS_TST_INFO_get_time(info.get()));
  STACK_OF(X509)* carried = PKCS7_get0_signers(token.get(), nullptr, 0);
  if (carried != nullptr && sk_X509_num(carried) == 1) {
    X509_up_ref(sk_X509_value(carried, 0));
    facts.authority.reset(sk_X509_value(carried, 0));
  }
  sk_X509_free(carried);
  ERR_clear_error();

  const X509_ALGOR* algorithm = TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info.get()));
  const ASN1_OBJECT* oid = nullptr;
  X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
  const EVP_MD* md = EVP_get_digestbyobj(oid);
  auto* imprint = static_cast<unsigned char*>(OPENSSL_malloc(EVP_MAX_MD_SIZE));
  unsigned int imprintLength = 0;
  cms::EvpMdCtxPtr mctx(EVP_MD_CTX_new());
  bool hashed =
      md != nullptr && imprint != nullptr && mctx && EVP_DigestInit_ex(mctx.get(), md, nullptr) == 1;
  for (const auto& part : stamped)
    hashed = hashed && EVP_DigestUpdate(mctx.get(), part.data(), part.size()) == 1;
  hashed = hashed && EVP_DigestFinal_ex(mctx.get(), imprint, &imprintLength) == 1;
  if (!hashed || !facts.genTime) {
    OPENSSL_free(imprint);
    facts.problem = "the timestamp uses a digest this verifier does not know, or has no readable time";
    return facts;
  }
  TS_VERIFY_CTX_set_imprint(ctx.get(), imprint, imprintLength);  // owned by ctx from here
  X509_STORE_up_ref(anchors);
  TS_VERIFY_CTX_set_store(ctx.get(), anchors);
  TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_SIGNATURE | TS_VFY_IMPRINT);
  X509_VERIFY_PARAM* param = X509_STORE_get0_param(anchors);
  X509_VERIFY_PARAM_set_time(param, *facts.genTime);
  const bool ok = TS_RESP_verify_token(ctx.get(), token.get()) == 1;
  X509_VERIFY_PARAM_clear_flags(param, X509_V_FLAG_USE_CHECK_TIME);
  if (!ok) facts.problem = "the timestamp does not verify: " + cms::lastOpenSslError();
  ERR_clear_error();
  cms::X509StackPtr built;
  if (ok && facts.authority &&
      checkChain(facts.authority.get(), token->d.sign->cert, anchors, *facts.genTime, &built).empty()) {
    for (int i = 0; i < sk_X509_num(built.get()); ++i)
      facts.chain.push_back(cms::encodingOf(sk_X509_value(built.get(), i)));
  }
  return facts;
}

}  // namespace gongwen::verify
