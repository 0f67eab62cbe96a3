#include "pipeline/archive/ArchiveLayout.h"

#include <filesystem>
#include <set>
#include <sstream>

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"

namespace fs = std::filesystem;

namespace gongwen::archive {

namespace {

const char* const kConfigName = "archive.conf";
const char* const kDefaultRoots[kReplicaCount] = {"original", "copy-1", "copy-2"};

std::string absoluteUnder(const std::string& dir, const std::string& path) {
  const fs::path given(path);
  return (given.is_absolute() ? given : fs::absolute(dir) / given).lexically_normal().string();
}

std::string configText(const std::array<std::string, kReplicaCount>& roots) {
  std::string text =
      "# gongwen archive: the replica roots (original, copy-1, copy-2); relative paths are relative to\n"
      "# this directory. Written by `gongwen archive init`; do not edit while the archive is in use.\n";
  for (const std::string& root : roots) text += "replica " + root + "\n";
  return text;
}

// Roots as archive.conf stores them: given paths absolute (from the working directory), the defaults
// relative to DIR.
std::array<std::string, kReplicaCount> storedRoots(const std::vector<std::string>& replicas) {
  std::array<std::string, kReplicaCount> roots;
  for (std::size_t i = 0; i < kReplicaCount; ++i) {
    roots[i] = replicas.empty() ? kDefaultRoots[i] : fs::absolute(replicas[i]).lexically_normal().string();
  }
  return roots;
}

void checkDistinct(const std::array<std::string, kReplicaCount>& absolute, const std::string& where) {
  const std::set<std::string> distinct(absolute.begin(), absolute.end());
  if (distinct.size() != kReplicaCount)
    throw inputError("archive.config",
                     where + ": the three replica roots must be three different directories");
}

}  // namespace

const char* replicaRole(std::size_t replica) {
  static const char* const roles[kReplicaCount] = {"the original", "copy 1", "copy 2"};
  return replica < kReplicaCount ? roles[replica] : "a replica";
}

ArchiveLayout::ArchiveLayout(std::string dir, std::array<std::string, kReplicaCount> replicas)
    : dir_(std::move(dir)), replicas_(std::move(replicas)) {}

std::string ArchiveLayout::registryPath() const { return (fs::path(dir_) / "registry.sqlite").string(); }
std::string ArchiveLayout::configPath() const { return (fs::path(dir_) / kConfigName).string(); }
std::string ArchiveLayout::lockPath() const { return (fs::path(dir_) / "archive.lock").string(); }
std::string ArchiveLayout::bagPath(std::size_t replica, const std::string& archiveId) const {
  return (fs::path(replicas_.at(replica)) / archiveId).string();
}

std::optional<ArchiveLayout> findArchive(const std::string& dir) {
  const std::string config = (fs::path(dir) / kConfigName).string();
  std::error_code absent;
  if (!fs::exists(config, absent)) return std::nullopt;
  std::istringstream lines(readInput(config, InputKind::Text));
  std::vector<std::string> roots;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("replica ", 0) != 0 || line.size() == 8)
      throw inputError("archive.config", config + ": \"" + line + "\" is not \"replica PATH\"");
    roots.push_back(absoluteUnder(dir, line.substr(8)));
  }
  if (roots.size() != kReplicaCount)
    throw inputError("archive.config", config + ": names " + std::to_string(roots.size()) +
                                           " replica roots; an archive has exactly three");
  std::array<std::string, kReplicaCount> absolute;
  std::copy(roots.begin(), roots.end(), absolute.begin());
  checkDistinct(absolute, config);
  return ArchiveLayout(fs::absolute(dir).lexically_normal().string(), absolute);
}

ArchiveLayout openArchive(const std::string& dir) {
  std::optional<ArchiveLayout> layout = findArchive(dir);
  if (!layout)
    throw inputError("archive.missing", dir + ": is not an archive (no " + std::string(kConfigName) +
                                            "); create one with `gongwen archive init " + dir + "`");
  return *layout;
}

ArchiveLayout initArchive(const std::string& dir, const std::vector<std::string>& replicas) {
  if (!replicas.empty() && replicas.size() != kReplicaCount)
    throw usageError("usage", "give --replica three times (original, copy-1, copy-2) or not at all");
  const std::array<std::string, kReplicaCount> stored = storedRoots(replicas);
  std::array<std::string, kReplicaCount> absolute;
  for (std::size_t i = 0; i < kReplicaCount; ++i) absolute[i] = absoluteUnder(dir, stored[i]);
  checkDistinct(absolute, dir);

  if (std::optional<ArchiveLayout> existing = findArchive(dir)) {
    if (existing->replicas() != absolute)
      throw inputError("archive.exists", dir + ": is already an archive with other replica roots (see its " +
                                             kConfigName + "); an archive's roots are not moved by init");
  }
  std::error_code failed;
  fs::create_directories(dir, failed);
  for (const std::string& root : absolute) {
    if (!failed) fs::create_directories(root, failed);
  }
  if (failed) throw systemError("io.write", dir + ": cannot create the archive: " + failed.message());
  // The registry before the configuration: a directory with archive.conf is always a whole archive.
  ArchiveLayout layout(fs::absolute(dir).lexically_normal().string(), absolute);
  ArchiveRegistry(layout.registryPath(), ArchiveRegistry::Access::ReadWrite);
  WriteOptions ownFile;
  ownFile.replacesInput = true;
  if (!findArchive(dir)) writeFileAtomically(layout.configPath(), configText(stored), ownFile);
  return layout;
}

}  // namespace gongwen::archive
