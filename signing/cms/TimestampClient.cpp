#include "signing/cms/TimestampClient.h"

#include <openssl/rand.h>
#include <openssl/ts.h>

#include "pipeline/core/Error.h"
#include "signing/cms/HttpClient.h"
#include "signing/cms/OpenSslPtr.h"

namespace gongwen::cms {

namespace {

[[noreturn]] void failBecause(const std::string& why) {
  throw Error(ExitCode::System, "cms.timestamp",
              "timestamp authority " + why + "; check the <timestamp> URL in the policy or sign without it");
}

[[noreturn]] void fail(const std::string& url, const std::string& what) {
  failBecause(url + ": " + what + " (" + lastOpenSslError() + ")");
}

TsReqPtr makeRequest(const std::string& url, std::string_view imprint) {
  TsReqPtr req(TS_REQ_new());
  OpenSslPtr<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free> msg(TS_MSG_IMPRINT_new());
  OpenSslPtr<X509_ALGOR, X509_ALGOR_free> alg(X509_ALGOR_new());
  unsigned char nonceBytes[8];
  AsnIntegerPtr nonce(ASN1_INTEGER_new());
  if (!req || !msg || !alg || !nonce || RAND_bytes(nonceBytes, sizeof nonceBytes) <= 0)
    fail(url, "out of memory");
  nonceBytes[0] &= 0x7f;  // a positive INTEGER
  OpenSslPtr<BIGNUM, BN_free> nonceValue(BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr));
  if (!nonceValue || !BN_to_ASN1_INTEGER(nonceValue.get(), nonce.get()) ||
      !X509_ALGOR_set0(alg.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) ||
      !TS_MSG_IMPRINT_set_algo(msg.get(), alg.get()) ||
      !TS_MSG_IMPRINT_set_msg(msg.get(), reinterpret_cast<unsigned char*>(const_cast<char*>(imprint.data())),
                              static_cast<int>(imprint.size())) ||
      !TS_REQ_set_version(req.get(), 1) || !TS_REQ_set_msg_imprint(req.get(), msg.get()) ||
      !TS_REQ_set_nonce(req.get(), nonce.get()) || !TS_REQ_set_cert_req(req.get(), 1))
    fail(url, "could not build the request");
  return req;
}

TsRespPtr exchange(const std::string& url, TS_REQ* req) {
  unsigned char* der = nullptr;
  const int length = i2d_TS_REQ(req, &der);
  if (length <= 0) fail(url, "could not encode the request");
  std::string answer;
  try {
    answer = httpExchange({url, "application/timestamp-query",
                           std::string_view(reinterpret_cast<char*>(der), static_cast<std::size_t>(length)),
                           "application/timestamp-reply"});
  } catch (const Error& e) {
    OPENSSL_free(der);
    failBecause(e.what());
  }
  OPENSSL_free(der);
  const auto* p = reinterpret_cast<const unsigned char*>(answer.data());
  TsRespPtr resp(d2i_TS_RESP(nullptr, &p, static_cast<long>(answer.size())));
  if (!resp) fail(url, "the answer is not an RFC 3161 TimeStampResp");
  return resp;
}

}  // namespace

std::string fetchTimestampToken(const std::string& url, std::string_view sha256Imprint) {
  TsReqPtr req = makeRequest(url, sha256Imprint);
  TsRespPtr resp = exchange(url, req.get());
  TsVerifyCtxPtr verify(TS_REQ_to_TS_VERIFY_CTX(req.get(), nullptr));
  if (!verify) fail(url, "out of memory");
  TS_VERIFY_CTX_set_flags(verify.get(), TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
  if (TS_RESP_verify_response(verify.get(), resp.get()) <= 0)
    fail(url, "the authority refused the request or answered for another imprint or nonce");
  unsigned char* der = nullptr;
  const int len = i2d_PKCS7(TS_RESP_get_token(resp.get()), &der);
  if (len <= 0) fail(url, "could not encode the token");
  std::string token(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return token;
}

}  // namespace gongwen::cms
