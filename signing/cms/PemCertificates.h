#pragma once
// Certificates named by path (the policy's credentials and trust anchors, --trust roots, a token
// key's certificate), read through the one input reader so that the certificate size limit holds.

#include <string>
#include <vector>

#include "signing/cms/OpenSslPtr.h"

namespace gongwen::cms {

// Every certificate in a PEM file, in file order; empty when it holds none. Reading fails as
// readInput does.
std::vector<X509Ptr> readPemCertificates(const std::string& path);

// The DER encoding of every certificate block in a PEM file, unparsed: enough to tell whether a
// signer's certificate is this one, at a fraction of the cost (OpenSSL 3 decodes each public key
// through its provider machinery, a third of a cold `verify --policy` over the policy's files).
std::vector<std::string> readPemCertificateEncodings(const std::string& path);

// The DER encoding of a parsed certificate, to compare with readPemCertificateEncodings'; empty
// when OpenSSL cannot encode it.
std::string encodingOf(X509* certificate);

}  // namespace gongwen::cms
