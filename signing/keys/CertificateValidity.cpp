#include <openssl/bio.h>

#include "pipeline/core/Error.h"
#include "signing/keys/SigningKey.h"

namespace gongwen::keys {

namespace {

std::string printed(const ASN1_TIME* time) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, time);
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string text(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  return text;
}

}  // namespace

void checkCertificateValidity(X509* certificate, std::time_t at, const std::string& holder) {
  const ASN1_TIME* notBefore = X509_get0_notBefore(certificate);
  const ASN1_TIME* notAfter = X509_get0_notAfter(certificate);
  std::string period = printed(notBefore) + " – " + printed(notAfter);
  if (X509_cmp_time(notBefore, &at) > 0) {
    throw policyError("policy.certificate-validity", "rule certificate-validity: the certificate of " +
                                                         holder + " is not yet valid (valid " + period +
                                                         "); sign with a valid certificate");
  }
  if (X509_cmp_time(notAfter, &at) < 0) {
    throw policyError("policy.certificate-validity", "rule certificate-validity: the certificate of " +
                                                         holder + " has expired (valid " + period +
                                                         "); renew it before signing");
  }
}

}  // namespace gongwen::keys
