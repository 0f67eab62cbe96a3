#pragma once
// Where an archive lies. DIR holds registry.sqlite, archive.conf (the three replica roots) and
// archive.lock; each replica root holds one BagIt bag per document, named by its archive id.
// Defaults: DIR/original, DIR/copy-1, DIR/copy-2; `archive init --replica` may name roots on other
// disks. archive.conf lines are "replica PATH"; a relative PATH is relative to DIR, so that an
// archive with default roots can be moved as a whole.
//
// Other parts may rely on: replicas() being absolute paths in the order original, copy-1, copy-2;
// bagPath(); registryPath(); directories in a root whose names begin with '.' being work in progress
// of a writer holding the archive lock (ArchiveLock.h), never bags.

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gongwen::archive {

constexpr std::size_t kReplicaCount = 3;

// "the original", "copy 1", "copy 2": how messages name replica 0, 1, 2.
const char* replicaRole(std::size_t replica);

class ArchiveLayout {
 public:
  ArchiveLayout(std::string dir, std::array<std::string, kReplicaCount> replicas);

  const std::string& dir() const { return dir_; }
  const std::array<std::string, kReplicaCount>& replicas() const { return replicas_; }
  std::string registryPath() const;
  std::string configPath() const;
  std::string lockPath() const;
  std::string bagPath(std::size_t replica, const std::string& archiveId) const;

 private:
  std::string dir_;
  std::array<std::string, kReplicaCount> replicas_;
};

// The layout of an initialised archive, nullopt when DIR has no archive.conf. Throws
// Error(InputInvalid, "archive.config") when archive.conf does not name three distinct roots.
std::optional<ArchiveLayout> findArchive(const std::string& dir);

// findArchive() or Error(InputInvalid, "archive.missing") naming DIR and `archive init`.
ArchiveLayout openArchive(const std::string& dir);

// Creates DIR, the replica roots, archive.conf (atomically) and the registry with its whole schema.
// `replicas` is empty (the defaults) or three paths. Initialising an archive again with the same
// roots changes nothing; with other roots it is refused (Error(InputInvalid, "archive.exists")).
ArchiveLayout initArchive(const std::string& dir, const std::vector<std::string>& replicas);

}  // namespace gongwen::archive
