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

struct Resolution {
  fs::path path;
  int linksFollowed = 0;
};

// `pending` (components in reverse order) resolved from the already resolved `from`, every
// symbolic link and `..` as the kernel would, including a link that points to nothing yet: a
// register the first seal will create, reached through a link to where it will live, must be
// recognised by the link's name and by its target's alike.
Resolution resolve(Resolution from, std::vector<fs::path> pending) {
  std::error_code ec;
  fs::path& resolved = from.path;
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
    if (from.linksFollowed < MAXSYMLINKS && ::lstat(next.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      const fs::path target = fs::read_symlink(next, ec);
      if (!ec) {
        ++from.linksFollowed;
        if (target.is_absolute()) resolved = "/";
        pending.insert(pending.end(), std::make_reverse_iterator(target.end()),
                       std::make_reverse_iterator(target.begin()));
        continue;
      }
    }
    resolved = std::move(next);
  }
  return from;
}

Resolution resolveAbsolute(const fs::path& absolute) {
  std::vector<fs::path> pending(absolute.begin(), absolute.end());
  std::reverse(pending.begin(), pending.end());
  return resolve(Resolution{"/", 0}, std::move(pending));
}

// Directories resolved while noting one batch of inputs: the policy names some fifty files in a
// handful of directories, and resolving each directory again for each file was most of a cold
// `sign`'s system calls.
using ResolvedDirectories = std::map<std::string, Resolution>;  // by the path as given

// The path with every symbolic link and `..` resolved (see resolve). An absolute path noted in a
// batch is split as a string: std::filesystem's parsing cost more than the system calls saved.
std::string canonicalPath(const std::string& path, ResolvedDirectories* directories = nullptr) {
  if (directories != nullptr && !path.empty() && path.front() == '/') {
    const size_t slash = path.rfind('/');
    const std::string leaf = path.substr(slash + 1);
    if (!leaf.empty() && leaf != "." && leaf != "..") {
      const std::string parent = slash == 0 ? "/" : path.substr(0, slash);
      auto found = directories->find(parent);
      if (found == directories->end()) found = directories->emplace(parent, resolveAbsolute(parent)).first;
      return resolve(found->second, {fs::path(leaf)}).path.string();
    }
  }
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return path;
  return resolveAbsolute(absolute).path.string();
}

// A noted input deleted since frees its inode number for an unrelated file.
bool stillNames(const std::string& path, const struct stat& identity) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && st.st_dev == identity.st_dev && st.st_ino == identity.st_ino;
}

void note(const std::string& path, ResolvedDirectories* directories) {
  if (path.empty()) return;
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  const std::string canonical = canonicalPath(path, directories);
  NotedInputs& inputs = noted();
  std::lock_guard<std::mutex> lock(inputs.mutex);
  if (exists) inputs.byInode.insert_or_assign(std::make_pair(st.st_dev, st.st_ino), path);
  inputs.byCanonicalPath.insert_or_assign(canonical, path);
}

}  // namespace

void noteInput(const std::string& path) { note(path, nullptr); }

void noteInputs(const std::vector<std::string>& paths) {
  ResolvedDirectories directories;
  for (const std::string& path : paths) note(path, &directories);
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
