#include "pipeline/core/ProtectedPaths.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

namespace gongwen {
namespace {

namespace fs = std::filesystem;

struct NotedInputs {
  std::mutex mutex;
  std::map<std::pair<dev_t, ino_t>, std::string> byInode;
  std::map<std::string, std::string> byCanonicalPath;
};

NotedInputs& noted() {
  static NotedInputs inputs;
  return inputs;
}

// Symbolic links and `..` resolved as far as the path exists; the rest taken as written.
std::string canonicalPath(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return path;
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : canonical).string();
}

// A noted input deleted since frees its inode number for an unrelated file.
bool stillNames(const std::string& path, const struct stat& identity) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && st.st_dev == identity.st_dev && st.st_ino == identity.st_ino;
}

}  // namespace

void noteInput(const std::string& path) {
  if (path.empty()) return;
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  const std::string canonical = canonicalPath(path);
  NotedInputs& inputs = noted();
  std::lock_guard<std::mutex> lock(inputs.mutex);
  if (exists) inputs.byInode.insert_or_assign(std::make_pair(st.st_dev, st.st_ino), path);
  inputs.byCanonicalPath.insert_or_assign(canonical, path);
}

std::optional<std::string> notedInputAt(const std::string& path, const struct stat* existing) {
  const std::string canonical = path.empty() ? std::string() : canonicalPath(path);
  NotedInputs& inputs = noted();
  std::lock_guard<std::mutex> lock(inputs.mutex);
  if (existing != nullptr) {
    const auto found = inputs.byInode.find({existing->st_dev, existing->st_ino});
    if (found != inputs.byInode.end() && stillNames(found->second, *existing)) return found->second;
  }
  if (canonical.empty()) return std::nullopt;
  const auto found = inputs.byCanonicalPath.find(canonical);
  if (found != inputs.byCanonicalPath.end()) return found->second;
  return std::nullopt;
}

}  // namespace gongwen
