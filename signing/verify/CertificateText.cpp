#include "signing/verify/CertificateText.h"

#include "signing/cms/OpenSslPtr.h"

namespace gongwen::verify {

std::string subjectOf(X509* cert) {
  cms::BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

std::time_t notAfter(const X509* certificate) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &tm) != 1) return 0;
  return timegm(&tm);
}

}  // namespace gongwen::verify
