#include "pipeline/core/UserCacheDir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace gongwen {
namespace {

bool ownedAndPrivate(const struct stat& st) {
  return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// `name` inside the directory `parent`, created 0700 when missing; -1 unless it is a directory of
// this user's that nobody else may write. `parent` is closed either way.
int openPrivateSubdirectory(int parent, const char* name) {
  if (::mkdirat(parent, name, 0700) != 0 && errno != EEXIST) {
    ::close(parent);
    return -1;
  }
  const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  ::close(parent);
  if (fd < 0) return -1;
  if (!isTrustedCacheDirectory(fd)) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

std::string userCacheHome() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return xdg;
  const char* home = std::getenv("HOME");
  return home != nullptr && home[0] == '/' ? std::string(home) + "/.cache" : std::string();
}

int openUserCacheDirectory(const std::string& name) {
  const std::string home = userCacheHome();
  if (home.empty() || name.empty() || name.find('/') != std::string::npos) return -1;
  // The cache home itself may be a link (a home directory's .cache often is) and is not checked:
  // what matters is that nobody else can put anything into gongwen's own directories below it.
  if (::mkdir(home.c_str(), 0700) != 0 && errno != EEXIST) return -1;
  const int base = ::open(home.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (base < 0) return -1;
  const int gongwen = openPrivateSubdirectory(base, "gongwen");
  return gongwen < 0 ? -1 : openPrivateSubdirectory(gongwen, name.c_str());
}

bool isTrustedCacheFile(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ownedAndPrivate(st);
}

bool isTrustedCacheDirectory(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) && ownedAndPrivate(st);
}

}  // namespace gongwen
