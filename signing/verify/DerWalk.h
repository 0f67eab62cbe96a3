#pragma once
// Just enough DER to find the signed attributes of a CMS SignerInfo as they were encoded: the
// signature covers those exact bytes (re-tagged as SET), and OpenSSL has no public getter for them.

#include <optional>
#include <string>
#include <string_view>

namespace gongwen::verify {

// The DER of the first SignerInfo's signedAttrs with its [0] tag replaced by SET (0x31), or nullopt
// when the structure is not a definite-length SignedData with signed attributes.
std::optional<std::string> signedAttributesForVerification(std::string_view contentInfoDer);

}  // namespace gongwen::verify
