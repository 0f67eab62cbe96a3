#pragma once
// SHA-256 as the archive records it everywhere (registry, bag manifests, event chain): lower-case hex.

#include <string>
#include <string_view>

namespace gongwen::archive {

std::string sha256Hex(std::string_view bytes);

struct FileDigest {
  std::string sha256;  // lower-case hex
  unsigned long long size = 0;
};

// Streams the file. An empty sha256 when it is missing, unreadable, a link or not a regular file;
// `error` then says why.
FileDigest digestFile(const std::string& path, std::string& error);

}  // namespace gongwen::archive
