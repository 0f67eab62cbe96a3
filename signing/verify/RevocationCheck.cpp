#include "signing/verify/RevocationCheck.h"

#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "signing/cms/HttpClient.h"
#include "signing/verify/RevocationAnswer.h"

namespace gongwen::verify {
namespace {

constexpr std::size_t kMaxCrlBytes = 16 << 20;

std::vector<std::string> ocspUrls(X509* certificate) {
  cms::StringStackPtr urls(X509_get1_ocsp(certificate));
  std::vector<std::string> out;
  for (int i = 0; urls && i < sk_OPENSSL_STRING_num(urls.get()); ++i)
    out.push_back(sk_OPENSSL_STRING_value(urls.get(), i));
  return out;
}

std::vector<std::string> crlUrls(X509* certificate) {
  cms::DistPointsPtr points(static_cast<CRL_DIST_POINTS*>(
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

bool fetchable(const std::string& url, RevocationSubject& subject) {
  if (url.rfind("http://", 0) == 0) return true;
  subject.rejected.push_back(url + ": only http:// sources are fetched");
  return false;
}

std::optional<RevocationAnswer> askResponder(const std::string& url, RevocationSubject& subject,
                                             ValidationData& data) {
  if (!fetchable(url, subject)) return std::nullopt;
  cms::OcspRequestPtr request(OCSP_REQUEST_new());
  cms::OcspCertIdPtr id(OCSP_cert_to_id(nullptr, subject.certificate, subject.issuer));
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
  return answerFromOcsp(data.ocspResponses.back(), subject, request.get());
}

std::optional<RevocationAnswer> fetchCrl(const std::string& url, RevocationSubject& subject,
                                         ValidationData& data) {
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
  return answerFromCrl(data.crls.back(), subject);
}

// Revoked wins over good: one valid list that names the certificate is enough to distrust it.
void keep(std::optional<RevocationAnswer> found, std::optional<RevocationAnswer>& best) {
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

CertificateRevocation checkOne(RevocationSubject& subject, ValidationData& data) {
  std::optional<RevocationAnswer> best;
  // Stored items first; the loops index because fetching below appends to the same vectors.
  const std::size_t storedCrls = data.crls.size();
  const std::size_t storedOcsp = data.ocspResponses.size();
  for (std::size_t i = 0; i < storedCrls; ++i) keep(answerFromCrl(data.crls[i], subject), best);
  for (std::size_t i = 0; i < storedOcsp; ++i)
    keep(answerFromOcsp(data.ocspResponses[i], subject, nullptr), best);
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
    RevocationSubject subject{sk_X509_value(chain, i), sk_X509_value(chain, i + 1), known.get(), data.at, {}};
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
