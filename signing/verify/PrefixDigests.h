#pragma once
// Digests of one document's leading bytes, computed once. Each signature of an approval chain covers
// the file from its start up to its own /Contents, and the seal-use register's digest is of the file up
// to a revision's end: hashed one by one, the four signatures and the seal of a bureau document hash
// its first quarter-megabyte six times. Here the hash state is kept at points along the file, and a
// digest of leading bytes continues from the nearest kept state before its end, so each byte is hashed
// about once. The digests are those of hashing the bytes afresh; nothing else is kept or assumed.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "signing/cms/OpenSslPtr.h"

namespace gongwen::verify {

class PrefixDigests {
 public:
  // `document` must outlive this object.
  explicit PrefixDigests(std::string_view document) : document_(document) {}

  // The digest with `md` of `parts` in order (empty when `md` cannot be used). A first part that begins
  // the document continues from a kept state; any other part is hashed as it is.
  std::string digest(const EVP_MD* md, const std::vector<std::string_view>& parts);
  // Lower-case hex SHA-256 of the document's first `end` bytes (gongwen::sha256Hex of them).
  std::string sha256Hex(std::size_t end);

 private:
  // A context holding `md` over the document's first `end` bytes, or null on failure.
  cms::EvpMdCtxPtr stateAt(const EVP_MD* md, std::size_t end);

  std::string_view document_;
  std::map<std::pair<int, std::size_t>, cms::EvpMdCtxPtr> states_;  // (md type, bytes hashed)
};

}  // namespace gongwen::verify
