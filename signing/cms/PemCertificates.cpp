#include "signing/cms/PemCertificates.h"

#include <openssl/pem.h>

#include "pipeline/core/InputFile.h"

namespace gongwen::cms {

std::vector<X509Ptr> readPemCertificates(const std::string& path) {
  const std::string pem = readInput(path, InputKind::Certificate);
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  std::vector<X509Ptr> certificates;
  while (bio) {
    X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) break;
    certificates.push_back(std::move(certificate));
  }
  // The end of the PEM data leaves a "no start line" error that no caller should see.
  ERR_clear_error();
  return certificates;
}

const std::vector<X509Ptr>& CertificateCache::certificates(const std::string& path) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto found = files_.find(path);
  if (found == files_.end()) found = files_.emplace(path, readPemCertificates(path)).first;
  return found->second;
}

}  // namespace gongwen::cms
