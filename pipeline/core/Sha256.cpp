// SHA256_Init and the like are deprecated in OpenSSL 3 for EVP, whose first digest in a process (and
// OpenSSL 3's SHA256(), which goes through EVP) costs some 5 M instructions to set up OpenSSL's
// providers: more than a cold render spends on anything else it hashes. The digest is the same.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "pipeline/core/Sha256.h"

#include <openssl/sha.h>

namespace gongwen {

std::string lowerHex(const unsigned char* bytes, unsigned length) {
  static const char digits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * length);
  for (unsigned i = 0; i < length; ++i) {
    text += digits[bytes[i] >> 4];
    text += digits[bytes[i] & 15];
  }
  return text;
}

std::string sha256Hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, bytes.data(), bytes.size());
  SHA256_Final(digest, &context);
  return lowerHex(digest, SHA256_DIGEST_LENGTH);
}

}  // namespace gongwen
