#pragma once
// One writer at a time changes an archive's trees: ingest (and repair) hold the exclusive lock on
// DIR/archive.lock while they place bags, so that what a writer finds half-done (a temporary
// directory, a bag named in the ingest journal but not registered) was left by a process that died.
// Readers that walk the replica roots (audit without repair) take the shared lock. The registry
// itself serialises with SQLite's own locking (BEGIN IMMEDIATE). flock(2): released by the kernel
// when the process dies, so a SIGKILL never leaves the archive locked.

#include <string>

namespace gongwen::archive {

class ArchiveLock {
 public:
  enum class Mode { Shared, Exclusive };
  // Waits for the lock. Throws Error(System, "archive.lock") when the lock file cannot be opened.
  ArchiveLock(const std::string& lockPath, Mode mode);
  ~ArchiveLock();
  ArchiveLock(const ArchiveLock&) = delete;
  ArchiveLock& operator=(const ArchiveLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace gongwen::archive
