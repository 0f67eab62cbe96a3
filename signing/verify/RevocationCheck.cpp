#include "signing/verify/RevocationCheck.h"

#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "signing/cms/HttpClient.h"

namespace gongwen::verify {
namespace {

using cms::OpenSslPtr;
using CrlPtr = OpenSslPtr<X509_CRL, X509_CRL_free>;
using RevokedReasonPtr = OpenSslPtr<ASN1_ENUMERATED, ASN1_ENUMERATED_free>;
using OcspResponsePtr = OpenSslPtr<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using OcspBasicPtr = OpenSslPtr<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspRequestPtr = OpenSslPtr<OCSP_REQUEST, OCSP_REQUEST_free>;
using OcspCertIdPtr = OpenSslPtr<OCSP_CERTID, OCSP_CERTID_free>;
using StorePtr = OpenSslPtr<X509_STORE, X509_STORE_free>;
using DistPointsPtr = OpenSslPtr<CRL_DIST_POINTS, CRL_DIST_POINTS_free>;
using StringStackPtr = OpenSslPtr<STACK_OF(OPENSSL_STRING), X509_email_free>;

// Clocks of responders and verifiers differ a little; an answer issued minutes "after" the
// verification time was still made for it.
constexpr std::time_t kClockSkew = 300;
// An OCSP response without nextUpdate speaks for this long after thisUpdate.
constexpr std::time_t kOcspLifetimeWithoutNextUpdate = 24 * 3600;
constexpr std::size_t kMaxCrlBytes = 16 << 20;

struct Answer {
  RevocationStatus status = RevocationStatus::Good;
  std::optional<std::time_t> revokedAt;
  std::string reason;
  std::string source;
};

// What one certificate's check needs, and what it found unusable (reported when no answer holds).
struct Subject {
  X509* certificate = nullptr;
  X509* issuer = nullptr;
  STACK_OF(X509) * knownCertificates = nullptr;  // candidates for a delegated OCSP responder
  std::time_t at = 0;
  std::vector<std::string> rejected;
};

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

std::optional<Answer> fromCrl(const ValidationItem& item, Subject& subject) {
  const auto* p = reinterpret_cast<const unsigned char*>(item.der.data());
  CrlPtr crl(d2i_X509_CRL(nullptr, &p, static_cast<long>(item.der.size())));
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
  Answer answer;
  answer.source = where;
  X509_REVOKED* revoked = nullptr;
  if (X509_CRL_get0_by_cert(crl.get(), &revoked, subject.certificate) == 1) {
    answer.status = RevocationStatus::Revoked;
    answer.revokedAt = toTime(X509_REVOKED_get0_revocationDate(revoked));
    RevokedReasonPtr reason(
        static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, nullptr, nullptr)));
    if (reason) answer.reason = reasonName(static_cast<int>(ASN1_ENUMERATED_get(reason.get())));
  }
  ERR_clear_error();
  return answer;
}

// The single response about the certificate, whatever hash the responder named it with.
OCSP_SINGLERESP* singleResponseFor(OCSP_BASICRESP* basic, const Subject& subject) {
  for (int i = 0; i < OCSP_resp_count(basic); ++i) {
    OCSP_SINGLERESP* single = OCSP_resp_get0(basic, i);
    ASN1_OBJECT* hash = nullptr;
    OCSP_id_get0_info(nullptr, &hash, nullptr, nullptr,
                      const_cast<OCSP_CERTID*>(OCSP_SINGLERESP_get0_id(single)));
    const EVP_MD* md = hash ? EVP_get_digestbyobj(hash) : nullptr;
    if (!md) continue;
    OcspCertIdPtr id(OCSP_cert_to_id(md, subject.certificate, subject.issuer));
    if (id && OCSP_id_cmp(id.get(), OCSP_SINGLERESP_get0_id(single)) == 0) return single;
  }
  return nullptr;
}

// The issuer itself, or a responder it certified for id-kp-OCSPSigning that was valid when it answered.
std::string responderProblem(X509* signer, const Subject& subject, std::time_t answeredAt) {
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

std::optional<Answer> fromOcsp(const ValidationItem& item, Subject& subject, OCSP_REQUEST* askedWith) {
  const std::string where = describe("OCSP", item);
  const auto* p = reinterpret_cast<const unsigned char*>(item.der.data());
  OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(item.der.size())));
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
  OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
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
  StorePtr noStore(X509_STORE_new());
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
  Answer answer;
  answer.source = where;
  if (status == V_OCSP_CERTSTATUS_REVOKED) {
    answer.status = RevocationStatus::Revoked;
    answer.revokedAt = toTime(revokedAt);
    answer.reason = reasonName(reason);
  }
  return answer;
}

std::vector<std::string> ocspUrls(X509* certificate) {
  StringStackPtr urls(X509_get1_ocsp(certificate));
  std::vector<std::string> out;
  for (int i = 0; urls && i < sk_OPENSSL_STRING_num(urls.get()); ++i)
    out.push_back(sk_OPENSSL_STRING_value(urls.get(), i));
  return out;
}

std::vector<std::string> crlUrls(X509* certificate) {
  DistPointsPtr points(static_cast<CRL_DIST_POINTS*>(
      X509_get_ext_d2i(certificate, NID_crl_distribution_points, nullptr, nullptr)));
  std::vector<std::string> out;
  for (int i = 0; points && i < sk_DIST_POINT_num(points.get()); ++i) {
    const DIST_POINT* point = sk_DIST_POINT_value(points.get(), i);
    if (!point->distpoint || point->distpoint->type != 0) continue;
    const GENERAL_NAMES* names = point->distpoint->name.fullname;
    for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
      const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, j);
      if (name->type != GEN_URI) continue;
      const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
      out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                       static_cast<std::size_t>(ASN1_STRING_length(uri)));
    }
  }
  ERR_clear_error();
  return out;
}

bool fetchable(const std::string& url, Subject& subject) {
  if (url.rfind("http://", 0) == 0) return true;
  subject.rejected.push_back(url + ": only http:// sources are fetched");
  return false;
}

std::optional<Answer> askResponder(const std::string& url, Subject& subject, ValidationData& data) {
  if (!fetchable(url, subject)) return std::nullopt;
  OcspRequestPtr request(OCSP_REQUEST_new());
  OcspCertIdPtr id(OCSP_cert_to_id(nullptr, subject.certificate, subject.issuer));
  if (!request || !id || !OCSP_request_add1_nonce(request.get(), nullptr, -1) ||
      !OCSP_request_add0_id(request.get(), id.get()))
    throw systemError("revocation.ocsp", "cannot build an OCSP request: " + cms::lastOpenSslError());
  id.release();  // owned by the request now
  unsigned char* der = nullptr;
  const int length = i2d_OCSP_REQUEST(request.get(), &der);
  const std::string body(reinterpret_cast<char*>(der), length > 0 ? static_cast<std::size_t>(length) : 0);
  OPENSSL_free(der);
  try {
    data.ocspResponses.push_back(
        {cms::httpExchange({url, "application/ocsp-request", body, "application/ocsp-response"}),
         ValidationSource::Network, url});
  } catch (const Error& e) {
    subject.rejected.push_back("OCSP responder " + std::string(e.what()));
    return std::nullopt;
  }
  return fromOcsp(data.ocspResponses.back(), subject, request.get());
}

std::optional<Answer> fetchCrl(const std::string& url, Subject& subject, ValidationData& data) {
  if (!fetchable(url, subject)) return std::nullopt;
  try {
    cms::HttpRequest request;
    request.url = url;
    request.maxAnswerBytes = kMaxCrlBytes;
    data.crls.push_back({cms::httpExchange(request), ValidationSource::Network, url});
  } catch (const Error& e) {
    subject.rejected.push_back("CRL distribution point " + std::string(e.what()));
    return std::nullopt;
  }
  return fromCrl(data.crls.back(), subject);
}

// Revoked wins over good: one valid list that names the certificate is enough to distrust it.
void keep(std::optional<Answer> found, std::optional<Answer>& best) {
  if (!found) return;
  if (!best || (found->status == RevocationStatus::Revoked &&
                (best->status != RevocationStatus::Revoked || found->revokedAt < best->revokedAt)))
    best = std::move(found);
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

CertificateRevocation checkOne(Subject& subject, ValidationData& data) {
  std::optional<Answer> best;
  // Stored items first; the loops index because fetching below appends to the same vectors.
  const std::size_t storedCrls = data.crls.size();
  const std::size_t storedOcsp = data.ocspResponses.size();
  for (std::size_t i = 0; i < storedCrls; ++i) keep(fromCrl(data.crls[i], subject), best);
  for (std::size_t i = 0; i < storedOcsp; ++i) keep(fromOcsp(data.ocspResponses[i], subject, nullptr), best);
  const std::vector<std::string> ocsp = ocspUrls(subject.certificate);
  const std::vector<std::string> crl = crlUrls(subject.certificate);
  if (!best && !data.offline) {
    for (const auto& url : ocsp) {
      if ((best = askResponder(url, subject, data))) break;
    }
    for (std::size_t i = 0; !best && i < crl.size(); ++i) best = fetchCrl(crl[i], subject, data);
  }

  CertificateRevocation result;
  result.subject = subjectOf(subject.certificate);
  if (best) {
    result.status = best->status;
    result.source = best->source;
    result.revokedAt = best->revokedAt;
    result.reason = best->reason;
    return result;
  }
  std::vector<std::string> named;
  for (const auto& url : ocsp) named.push_back("OCSP " + url);
  for (const auto& url : crl) named.push_back("CRL " + url);
  if (named.empty() && subject.rejected.empty()) {
    result.status = RevocationStatus::Undeclared;
    result.detail = "the certificate names no CRL distribution point or OCSP responder";
    return result;
  }
  result.status = RevocationStatus::Unknown;
  if (data.offline && !named.empty()) {
    subject.rejected.push_back(
        "no usable CRL or OCSP response for it in the file or the policy, and --offline "
        "forbids asking its sources (" +
        joined(named, ", ") + ")");
  }
  result.detail = joined(subject.rejected, "; ");
  return result;
}

cms::X509StackPtr parsedCertificates(const ValidationData& data, STACK_OF(X509) * chain) {
  cms::X509StackPtr all(sk_X509_new_null());
  for (int i = 0; i < sk_X509_num(chain); ++i) {
    X509_up_ref(sk_X509_value(chain, i));
    sk_X509_push(all.get(), sk_X509_value(chain, i));
  }
  for (const auto& item : data.certificates) {
    const auto* p = reinterpret_cast<const unsigned char*>(item.der.data());
    if (X509* certificate = d2i_X509(nullptr, &p, static_cast<long>(item.der.size())))
      sk_X509_push(all.get(), certificate);
  }
  ERR_clear_error();
  return all;
}

std::string revocationText(const CertificateRevocation& status) {
  return "\"" + status.subject + "\" was revoked at " +
         (status.revokedAt ? formatUtcTime(*status.revokedAt) : std::string("an unreadable time")) +
         (status.reason.empty() ? "" : " (" + status.reason + ")");
}

}  // namespace

std::vector<CertificateRevocation> checkRevocation(STACK_OF(X509) * chain, ValidationData& data) {
  std::vector<CertificateRevocation> out;
  const cms::X509StackPtr known = parsedCertificates(data, chain);
  for (int i = 0; i + 1 < sk_X509_num(chain); ++i) {
    Subject subject{sk_X509_value(chain, i), sk_X509_value(chain, i + 1), known.get(), data.at, {}};
    out.push_back(checkOne(subject, data));
  }
  return out;
}

RevocationVerdict judgeRevocation(const std::vector<CertificateRevocation>& statuses,
                                  std::time_t signingTime) {
  RevocationVerdict verdict;
  for (const auto& status : statuses) {
    if (status.status == RevocationStatus::Revoked) {
      // A revocation at the very second of signing gets no benefit of the doubt.
      if (!status.revokedAt || *status.revokedAt <= signingTime) {
        verdict.problems.push_back(
            {"certificate.revoked", revocationText(status) + ", before the signing time " +
                                        formatUtcTime(signingTime) + " (" + status.source + ")"});
      } else {
        verdict.notes.push_back(revocationText(status) + ", after the signing time " +
                                formatUtcTime(signingTime) + ": the signature stays valid (" + status.source +
                                ")");
      }
    } else if (status.status == RevocationStatus::Unknown) {
      verdict.problems.push_back({"revocation.unknown", "the revocation status of \"" + status.subject +
                                                            "\" cannot be determined: " + status.detail});
    }
  }
  return verdict;
}

const char* statusName(RevocationStatus status) {
  switch (status) {
    case RevocationStatus::Good:
      return "good";
    case RevocationStatus::Revoked:
      return "revoked";
    case RevocationStatus::Unknown:
      return "unknown";
    case RevocationStatus::Undeclared:
      return "not checked (no revocation source named)";
  }
  return "unknown";
}

}  // namespace gongwen::verify
