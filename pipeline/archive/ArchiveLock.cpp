#include "pipeline/archive/ArchiveLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

ArchiveLock::ArchiveLock(const std::string& lockPath, Mode mode) {
  fd_ = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0)
    throw systemError("archive.lock",
                      lockPath + ": cannot open the archive's lock file: " + std::strerror(errno));
  int result;
  do {
    result = ::flock(fd_, mode == Mode::Exclusive ? LOCK_EX : LOCK_SH);
  } while (result != 0 && errno == EINTR);
  if (result != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd_);
    throw systemError("archive.lock", lockPath + ": cannot lock the archive: " + reason);
  }
}

ArchiveLock::~ArchiveLock() { ::close(fd_); }

}  // namespace gongwen::archive
