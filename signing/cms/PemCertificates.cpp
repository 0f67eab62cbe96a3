#include "signing/cms/PemCertificates.h"

#include <openssl/pem.h>

#include "pipeline/core/InputFile.h"

namespace gongwen::cms {

std::vector<std::string> readPemCertificateEncodings(const std::string& path) {
  const std::string pem = readInput(path, InputKind::Certificate);
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  std::vector<std::string> encodings;
  while (bio) {
    // The blocks PEM_read_bio_X509 would parse: the same call picks them.
    unsigned char* der = nullptr;
    long length = 0;
    if (!PEM_bytes_read_bio(&der, &length, nullptr, PEM_STRING_X509, bio.get(), nullptr, nullptr)) break;
    encodings.emplace_back(reinterpret_cast<const char*>(der), static_cast<size_t>(length));
    OPENSSL_free(der);
  }
  // The end of the PEM data leaves a "no start line" error that no caller should see.
  ERR_clear_error();
  return encodings;
}

std::string encodingOf(X509* certificate) {
  unsigned char* der = nullptr;
  const int length = i2d_X509(certificate, &der);
  std::string encoding = length > 0 ? std::string(reinterpret_cast<const char*>(der), length) : "";
  OPENSSL_free(der);
  return encoding;
}

std::vector<X509Ptr> readPemCertificates(const std::string& path) {
  return parseCertificates(readPemCertificateEncodings(path));
}

std::vector<X509Ptr> parseCertificates(const std::vector<std::string>& encodings) {
  std::vector<X509Ptr> certificates;
  for (const auto& der : encodings) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
    X509Ptr certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
    if (!certificate) break;
    certificates.push_back(std::move(certificate));
  }
  ERR_clear_error();
  return certificates;
}

const std::vector<X509Ptr>& CertificateCache::certificates(const std::string& path) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto found = files_.find(path);
  if (found == files_.end()) found = files_.emplace(path, readPemCertificates(path)).first;
  return found->second;
}

std::vector<std::string> CertificateCache::encodings(const std::string& path) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto found = encodings_.find(path);
  if (found == encodings_.end()) found = encodings_.emplace(path, readPemCertificateEncodings(path)).first;
  return found->second;
}

}  // namespace gongwen::cms
