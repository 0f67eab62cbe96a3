#pragma once
// SHA-256 as gongwen writes it wherever a person or a register reads it (the archive's manifests
// and registry, the seal-use register): lower-case hex.

#include <string>
#include <string_view>

namespace gongwen {

std::string sha256Hex(std::string_view bytes);
// Lower-case hex of a digest computed elsewhere (e.g. streamed through EVP_DigestUpdate).
std::string lowerHex(const unsigned char* bytes, unsigned length);

}  // namespace gongwen
