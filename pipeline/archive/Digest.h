#pragma once
// SHA-256 as the archive records it everywhere (registry, bag manifests, event chain): lower-case hex.

#include <string>
#include <string_view>

#include "pipeline/core/Sha256.h"

namespace gongwen::archive {

using gongwen::sha256Hex;

struct FileDigest {
  std::string sha256;  // lower-case hex
  unsigned long long size = 0;
};

// Streams the file. An empty sha256 when it is missing, unreadable, a link or not a regular file;
// `error` then says why.
FileDigest digestFile(const std::string& path, std::string& error);

}  // namespace gongwen::archive
