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

// The certificates of readPemCertificateEncodings' answer, in order, up to the first that does not
// parse.
std::vector<X509Ptr> parseCertificates(const std::vector<std::string>& encodings);

// The DER encoding of every certificate block in a PEM file, unparsed: enough to tell whether a
// signer's certificate is this one, at a fraction of the cost (OpenSSL 3 decodes each public key
// through its provider machinery, a third of a cold `verify --policy` over the policy's files).
std::vector<std::string> readPemCertificateEncodings(const std::string& path);

// The DER encoding of a parsed certificate, to compare with readPemCertificateEncodings'; empty
// when OpenSSL cannot encode it.
std::string encodingOf(X509* certificate);

// Certificate files read once and kept, for a process that verifies many documents against one
// policy (`archive ingest`): parsing the policy's certificates again for each signature was half of
// a verification. Thread-safe. A file is read on first use; one changed afterwards is not seen, so
// a cache lives no longer than the command that made it.
class CertificateCache {
 public:
  // readPemCertificates(path), owned by the cache.
  const std::vector<X509Ptr>& certificates(const std::string& path);
  // readPemCertificateEncodings(path), kept.
  std::vector<std::string> encodings(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<X509Ptr>> files_;
  std::map<std::string, std::vector<std::string>> encodings_;
};

}  // namespace gongwen::cms
