#include "pipeline/core/ProtectedPaths.h"

#include <sys/param.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

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

// The path with every symbolic link and `..` resolved as the kernel would, including a link that
// points to nothing yet: a register the first seal will create, reached through a link to where it
// will live, must be recognised by the link's name and by its target's alike.
std::string canonicalPath(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return path;
  std::vector<fs::path> pending(absolute.begin(), absolute.end());
  std::reverse(pending.begin(), pending.end());
  fs::path resolved = "/";
  int linksFollowed = 0;
  while (!pending.empty()) {
    const fs::path part = std::move(pending.back());
    pending.pop_back();
    if (part.empty() || part == "/" || part == ".") continue;
    if (part == "..") {
      resolved = resolved.parent_path();
      continue;
    }
    fs::path next = resolved / part;
    struct stat st {};
    if (linksFollowed < MAXSYMLINKS && ::lstat(next.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      const fs::path target = fs::read_symlink(next, ec);
      if (!ec) {
        ++linksFollowed;
        if (target.is_absolute()) resolved = "/";
        pending.insert(pending.end(), std::make_reverse_iterator(target.end()),
                       std::make_reverse_iterator(target.begin()));
        continue;
      }
    }
    resolved = std::move(next);
  }
  return resolved.string();
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
