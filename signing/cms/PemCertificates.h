#pragma once
// Certificates named by path (the policy's credentials and trust anchors, --trust roots, a token
// key's certificate), read through the one input reader so that the certificate size limit holds.

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "signing/cms/OpenSslPtr.h"

namespace gongwen::cms {

// Every certificate in a PEM file, in file order; empty when it holds none. Reading fails as
// readInput does.
std::vector<X509Ptr> readPemCertificates(const std::string& path);

// Certificate files read once and kept, for a process that verifies many documents against one
// policy (`archive ingest`): parsing the policy's certificates again for each signature was half of
// a verification. Thread-safe. A file is read on first use; one changed afterwards is not seen, so
// a cache lives no longer than the command that made it.
class CertificateCache {
 public:
  // readPemCertificates(path), owned by the cache.
  const std::vector<X509Ptr>& certificates(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<X509Ptr>> files_;
};

}  // namespace gongwen::cms
