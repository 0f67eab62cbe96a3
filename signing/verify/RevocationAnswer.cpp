#include "signing/verify/RevocationAnswer.h"

#include <openssl/x509v3.h>

#include "pipeline/core/UtcTime.h"

namespace gongwen::verify {
namespace {

// Clocks of responders and verifiers differ a little; an answer issued minutes "after" the
// verification time was still made for it.
constexpr std::time_t kClockSkew = 300;
// An OCSP response without nextUpdate speaks for this long after thisUpdate.
constexpr std::time_t kOcspLifetimeWithoutNextUpdate = 24 * 3600;

std::string describe(const char* kind, const ValidationItem& item) {
  return std::string(kind) + ", " + sourceName(item.source) + (item.origin.empty() ? "" : " " + item.origin);
}

// Whether an answer issued at `thisUpdate` and valid until `nextUpdate` speaks for `at`.
std::string staleness(const ASN1_TIME* thisUpdate, const ASN1_TIME* nextUpdate, std::time_t at,
                      std::time_t lifetimeWithoutNext) {
  const auto from = toTime(thisUpdate);
  if (!from) return "it has no readable thisUpdate";
  if (*from > at + kClockSkew)
    return "it was issued at " + formatUtcTime(*from) + ", after the verification time " + formatUtcTime(at);
  const auto until =
      nextUpdate ? toTime(nextUpdate) : std::optional<std::time_t>(*from + lifetimeWithoutNext);
  if (!until) return "it has no readable nextUpdate";
  if (at > *until + kClockSkew)
    return "it was current until " + formatUtcTime(*until) + ", before the verification time " +
           formatUtcTime(at);
  return "";
}

std::string reasonName(int code) { return code < 0 ? "" : OCSP_crl_reason_str(code); }

// The single response about the certificate, whatever hash the responder named it with.
OCSP_SINGLERESP* singleResponseFor(OCSP_BASICRESP* basic, const RevocationSubject& subject) {
  for (int i = 0; i < OCSP_resp_count(basic); ++i) {
    OCSP_SINGLERESP* single = OCSP_resp_get0(basic, i);
    ASN1_OBJECT* hash = nullptr;
    OCSP_id_get0_info(nullptr, &hash, nullptr, nullptr,
                      const_cast<OCSP_CERTID*>(OCSP_SINGLERESP_get0_id(single)));
    const EVP_MD* md = hash ? EVP_get_digestbyobj(hash) : nullptr;
    if (!md) continue;
    cms::OcspCertIdPtr id(OCSP_cert_to_id(md, subject.certificate, subject.issuer));
    if (id && OCSP_id_cmp(id.get(), OCSP_SINGLERESP_get0_id(single)) == 0) return single;
  }
  return nullptr;
}

// The issuer itself, or a responder it certified for id-kp-OCSPSigning that was valid when it answered.
std::string responderProblem(X509* signer, const RevocationSubject& subject, std::time_t answeredAt) {
  if (X509_cmp(signer, subject.issuer) == 0) return "";
  const std::string who = "it is signed by \"" + subjectOf(signer) + "\", ";
  if (X509_check_issued(subject.issuer, signer) != X509_V_OK ||
      X509_verify(signer, X509_get0_pubkey(subject.issuer)) != 1) {
    ERR_clear_error();
    return who + "neither the issuer nor a responder the issuer certified";
  }
  if (!(X509_get_extension_flags(signer) & EXFLAG_XKUSAGE) ||
      !(X509_get_extended_key_usage(signer) & XKU_OCSP_SIGN))
    return who + "whom the issuer did not delegate with id-kp-OCSPSigning";
  std::time_t when = answeredAt;
  if (X509_cmp_time(X509_get0_notBefore(signer), &when) > 0 ||
      X509_cmp_time(X509_get0_notAfter(signer), &when) < 0)
    return who + "whose certificate was not valid when it answered";
  return "";
}

}  // namespace

std::optional<RevocationAnswer> answerFromCrl(const ValidationItem& item, RevocationSubject& subject) {
  const auto* p = reinterpret_cast<const unsigned char*>(item.der.data());
  cms::CrlPtr crl(d2i_X509_CRL(nullptr, &p, static_cast<long>(item.der.size())));
  if (!crl) {
    ERR_clear_error();
    if (item.source == ValidationSource::Network)
      subject.rejected.push_back(describe("CRL", item) + ": not a DER CRL");
    return std::nullopt;
  }
  if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_issuer_name(subject.certificate)) != 0)
    return std::nullopt;  // another authority's list
  const std::string where = describe("CRL", item);
  if (X509_CRL_verify(crl.get(), X509_get0_pubkey(subject.issuer)) != 1) {
    ERR_clear_error();
    subject.rejected.push_back(where + ": its signature does not verify with the key of the issuer \"" +
                               subjectOf(subject.issuer) + "\"");
    return std::nullopt;
  }
  if ((X509_get_extension_flags(subject.issuer) & EXFLAG_KUSAGE) &&
      !(X509_get_key_usage(subject.issuer) & KU_CRL_SIGN)) {
    subject.rejected.push_back(where + ": its issuer may not sign CRLs (no cRLSign key usage)");
    return std::nullopt;
  }
  // A delta or partitioned list does not speak for every certificate of the issuer.
  if (X509_CRL_get_ext_by_NID(crl.get(), NID_delta_crl, -1) >= 0 ||
      X509_CRL_get_ext_by_NID(crl.get(), NID_issuing_distribution_point, -1) >= 0) {
    subject.rejected.push_back(where + ": a delta or partitioned CRL, which this verifier does not use");
    return std::nullopt;
  }
  const std::string stale =
      staleness(X509_CRL_get0_lastUpdate(crl.get()), X509_CRL_get0_nextUpdate(crl.get()), subject.at, 0);
  if (!stale.empty()) {
    subject.rejected.push_back(where + ": " + stale);
    return std::nullopt;
  }
  RevocationAnswer answer;
  answer.source = where;
  X509_REVOKED* revoked = nullptr;
  if (X509_CRL_get0_by_cert(crl.get(), &revoked, subject.certificate) == 1) {
    answer.status = RevocationStatus::Revoked;
    answer.revokedAt = toTime(X509_REVOKED_get0_revocationDate(revoked));
    cms::RevokedReasonPtr reason(
        static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, nullptr, nullptr)));
    if (reason) answer.reason = reasonName(static_cast<int>(ASN1_ENUMERATED_get(reason.get())));
  }
  ERR_clear_error();
  return answer;
}

std::optional<RevocationAnswer> answerFromOcsp(const ValidationItem& item, RevocationSubject& subject,
                                               OCSP_REQUEST* askedWith) {
  const std::string where = describe("OCSP", item);
  const auto* p = reinterpret_cast<const unsigned char*>(item.der.data());
  cms::OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(item.der.size())));
  const bool asked = askedWith != nullptr;
  if (!response || OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    ERR_clear_error();
    if (asked)
      subject.rejected.push_back(
          where + ": " +
          (response ? std::string("the responder answered \"") +
                          OCSP_response_status_str(OCSP_response_status(response.get())) + "\""
                    : "not an OCSP response"));
    return std::nullopt;
  }
  cms::OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
  OCSP_SINGLERESP* single = basic ? singleResponseFor(basic.get(), subject) : nullptr;
  if (!single) {
    ERR_clear_error();
    if (asked) subject.rejected.push_back(where + ": the response is not about this certificate");
    return std::nullopt;
  }
  cms::X509StackPtr candidates(sk_X509_dup(subject.knownCertificates));
  for (int i = 0; candidates && i < sk_X509_num(candidates.get()); ++i)
    X509_up_ref(sk_X509_value(candidates.get(), i));
  X509* signer = nullptr;
  cms::X509StorePtr noStore(X509_STORE_new());
  // OCSP_NOVERIFY: the signature only; who may sign is decided below, by RFC 6960 §4.2.2.2.
  if (!candidates || OCSP_resp_get0_signer(basic.get(), &signer, candidates.get()) != 1 ||
      OCSP_basic_verify(basic.get(), candidates.get(), noStore.get(), OCSP_NOVERIFY) != 1) {
    ERR_clear_error();
    subject.rejected.push_back(
        where + ": its signature does not verify, or it names no certificate it was signed with");
    return std::nullopt;
  }
  int reason = -1;
  ASN1_GENERALIZEDTIME* revokedAt = nullptr;
  ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
  ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
  const int status = OCSP_single_get0_status(single, &reason, &revokedAt, &thisUpdate, &nextUpdate);
  const std::string responder = responderProblem(signer, subject, toTime(thisUpdate).value_or(subject.at));
  if (!responder.empty()) {
    subject.rejected.push_back(where + ": " + responder);
    return std::nullopt;
  }
  if (asked && OCSP_check_nonce(askedWith, basic.get()) == 0) {
    subject.rejected.push_back(where + ": the response carries another request's nonce (a replay)");
    return std::nullopt;
  }
  const std::string stale = staleness(thisUpdate, nextUpdate, subject.at, kOcspLifetimeWithoutNextUpdate);
  if (!stale.empty()) {
    subject.rejected.push_back(where + ": " + stale);
    return std::nullopt;
  }
  if (status == V_OCSP_CERTSTATUS_UNKNOWN) {
    subject.rejected.push_back(where + ": the responder does not know the certificate");
    return std::nullopt;
  }
  RevocationAnswer answer;
  answer.source = where;
  if (status == V_OCSP_CERTSTATUS_REVOKED) {
    answer.status = RevocationStatus::Revoked;
    answer.revokedAt = toTime(revokedAt);
    answer.reason = reasonName(reason);
  }
  return answer;
}

}  // namespace gongwen::verify
