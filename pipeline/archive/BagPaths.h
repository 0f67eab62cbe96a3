#pragma once
// Paths in BagIt manifests (RFC 8493 §2.1.3): '/'-separated, relative to the bag root, with CR, LF
// and '%' percent-encoded. Internal to pipeline/archive.

#include <optional>
#include <string>

namespace gongwen::archive {

std::string encodeManifestPath(const std::string& path);

// The path a manifest line names, or nullopt when it is empty, absolute, has an empty, "." or ".."
// component, or a malformed escape: a manifest must never lead outside its bag.
std::optional<std::string> decodeManifestPath(const std::string& encoded);

}  // namespace gongwen::archive
