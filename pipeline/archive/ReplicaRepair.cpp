#include "pipeline/archive/ReplicaRepair.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/archive/Bag.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

namespace fs = std::filesystem;

const char* const kBuilding = ".repair-";

[[noreturn]] void repairFailure(const std::string& path, const std::string& why) {
  throw systemError("archive.write", path + ": cannot repair the replica: " + why +
                                         "; give the archive's user write access to the replica root");
}

void removeEntry(const std::string& path) {
  std::error_code error;
  fs::remove_all(path, error);
  if (error) repairFailure(path, error.message());
}

void setMode(const std::string& path, mode_t mode) {
  if (::chmod(path.c_str(), mode) != 0) repairFailure(path, std::strerror(errno));
}

}  // namespace

void restoreFile(const std::string& source, const std::string& target, bool ownerOnly) {
  struct stat good {};
  if (::stat(source.c_str(), &good) != 0) repairFailure(source, std::strerror(errno));
  const std::string bytes = readFile(source);
  // writeFileAtomically writes through a link and refuses a hard-linked file: neither is the
  // archive's, so the entry goes first.
  struct stat damaged {};
  if (::lstat(target.c_str(), &damaged) == 0 && (!S_ISREG(damaged.st_mode) || damaged.st_nlink > 1)) {
    removeEntry(target);
  }
  WriteOptions options;
  options.ownerOnly = ownerOnly;
  writeFileAtomically(target, bytes, options);
  if (!ownerOnly) setMode(target, good.st_mode & 0777 & ~S_IWOTH);
}

void restoreBag(const std::string& root, const std::string& target,
                const std::vector<std::pair<std::string, std::string>>& files, bool ownerOnly) {
  const std::string name = fs::path(target).filename().string();
  const std::string building = root + "/" + kBuilding + std::to_string(::getpid()) + "-" + name;
  removeEntry(building);
  BagImage image;
  for (const auto& [path, source] : files) image.files.push_back({path, readFile(source), ""});
  writeBagImage(image, building, ownerOnly);
  // Every file of the new bag on disk before its name appears.
  syncFilesystem(root);
  struct stat existing {};
  if (::lstat(target.c_str(), &existing) != 0) {
    if (::rename(building.c_str(), target.c_str()) != 0) repairFailure(target, std::strerror(errno));
  } else {
    // Swapped in one step, so that no moment passes without a bag under the name; the damaged one
    // then lies under the temporary name.
    if (::renameat2(AT_FDCWD, building.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      repairFailure(target, std::strerror(errno));
    syncDirectory(root);
    removeEntry(building);
  }
  syncDirectory(root);
}

bool isRepairLeftover(const std::string& name) { return name.rfind(kBuilding, 0) == 0; }

void restoreRoot(const std::string& root) {
  if (::mkdir(root.c_str(), 0755) != 0) repairFailure(root, std::strerror(errno));
  syncDirectory(fs::path(root).parent_path().string());
}

}  // namespace gongwen::archive
