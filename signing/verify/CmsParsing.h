#pragma once
// A CMS ContentInfo parsed as d2i_CMS_ContentInfo parses it, but with the certificates it carries taken
// from those this process has parsed before. Every signature of a signer carries the same certificates,
// and OpenSSL 3 parses each one's public key through its decoder framework: that was most of the cost
// of reading a CMS. A certificate is reused only for exactly the same DER bytes, so what the verifier
// sees is what parsing the CMS would have given. Anything but plain DER (indefinite lengths, as NSS
// writes, or certificate choices other than X.509 certificates) is parsed in full, as before.

#include <string_view>

#include "signing/cms/OpenSslPtr.h"

namespace gongwen::verify {

// Null when `der` is not a CMS ContentInfo.
cms::CmsPtr parseCmsContentInfo(std::string_view der);

}  // namespace gongwen::verify
