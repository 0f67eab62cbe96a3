#pragma once
// Owning smart pointers for the OpenSSL objects the signing and verification code handles, so
// that every early return and every thrown Error frees what was allocated.

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

namespace gongwen::cms {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* p) const { Free(p); }
};

template <typename T, void (*Free)(T*)>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<T, Free>>;

inline void freeX509Stack(STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }

using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using X509Ptr = OpenSslPtr<X509, X509_free>;
using X509StackPtr = OpenSslPtr<STACK_OF(X509), freeX509Stack>;
using EvpPkeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using EvpMdCtxPtr = OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using EvpPkeyCtxPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using CmsPtr = OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using Pkcs12Ptr = OpenSslPtr<PKCS12, PKCS12_free>;
using Pkcs7Ptr = OpenSslPtr<PKCS7, PKCS7_free>;
using EssV2Ptr = OpenSslPtr<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>;
using AsnIntegerPtr = OpenSslPtr<ASN1_INTEGER, ASN1_INTEGER_free>;
using TsReqPtr = OpenSslPtr<TS_REQ, TS_REQ_free>;
using TsRespPtr = OpenSslPtr<TS_RESP, TS_RESP_free>;
using TstInfoPtr = OpenSslPtr<TS_TST_INFO, TS_TST_INFO_free>;
using TsVerifyCtxPtr = OpenSslPtr<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;
using X509StorePtr = OpenSslPtr<X509_STORE, X509_STORE_free>;
using X509StoreCtxPtr = OpenSslPtr<X509_STORE_CTX, X509_STORE_CTX_free>;
using CrlPtr = OpenSslPtr<X509_CRL, X509_CRL_free>;
using DistPointsPtr = OpenSslPtr<CRL_DIST_POINTS, CRL_DIST_POINTS_free>;
using RevokedReasonPtr = OpenSslPtr<ASN1_ENUMERATED, ASN1_ENUMERATED_free>;
using OcspRequestPtr = OpenSslPtr<OCSP_REQUEST, OCSP_REQUEST_free>;
using OcspResponsePtr = OpenSslPtr<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using OcspBasicPtr = OpenSslPtr<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspCertIdPtr = OpenSslPtr<OCSP_CERTID, OCSP_CERTID_free>;
// What X509_get1_ocsp returns: the responder URLs of a certificate's AIA.
using StringStackPtr = OpenSslPtr<STACK_OF(OPENSSL_STRING), X509_email_free>;

// The most recent OpenSSL error as text, for error messages ("" when the queue is empty).
inline std::string lastOpenSslError() {
  unsigned long code = 0;
  unsigned long last = 0;
  while ((code = ERR_get_error()) != 0) last = code;
  if (last == 0) return "no OpenSSL error recorded";
  char text[256];
  ERR_error_string_n(last, text, sizeof text);
  return text;
}

}  // namespace gongwen::cms
