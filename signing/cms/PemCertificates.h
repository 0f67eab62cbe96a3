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

}  // namespace gongwen::cms
