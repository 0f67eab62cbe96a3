#include "pipeline/core/AtomicFile.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <random>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/core/OutputTarget.h"
#include "pipeline/core/ProtectedPaths.h"

namespace gongwen {
namespace {

constexpr const char* kStandardOutput = "-";
// Leaves room in NAME_MAX (255) for the dot, ".gongwen-", the pid and the random suffix.
constexpr size_t kMaxNameInTemporary = 200;
constexpr size_t kRandomSuffixLength = 6;

Error writeError(const std::string& path, const std::string& why) {
  return systemError(
      "io.write", "cannot write " + path + ": " + why + "; check that the directory exists and is writable");
}

// `.<name>.gongwen-`: every temporary of one output starts so, whichever process wrote it.
std::string temporaryPrefix(const std::string& target) {
  const auto slash = target.find_last_of('/');
  const std::string name = target.substr(slash == std::string::npos ? 0 : slash + 1);
  return "." + name.substr(0, kMaxNameInTemporary) + ".gongwen-";
}

// The pid in `<pid>-XXXXXX`, or 0 when `rest` is not shaped so.
pid_t writerOf(std::string_view rest) {
  const auto dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || rest.size() != dash + 1 + kRandomSuffixLength) return 0;
  pid_t pid = 0;
  for (const char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9' || pid > 99999999) return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

// A kill leaves its temporary behind; the next write of the same output removes it, but never one a
// live process may still be writing.
void removeStaleTemporaries(const std::string& dir, const std::string& prefix) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  while (const dirent* entry = ::readdir(d)) {
    const std::string_view name(entry->d_name);
    if (name.substr(0, prefix.size()) != prefix) continue;
    const pid_t pid = writerOf(name.substr(prefix.size()));
    if (pid <= 0 || pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    struct stat st {};
    if (::fstatat(::dirfd(d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
      ::unlinkat(::dirfd(d), entry->d_name, 0);  // best effort: a leftover never stops a write
    }
  }
  ::closedir(d);
}

// Created with O_EXCL and `mode`, so that the kernel applies the umask (and a default ACL) to a new
// file; mkstemp would make every temporary 0600.
int createTemporary(const std::string& prefix, mode_t mode, std::string& name) {
  static const char kLetters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    name = prefix + std::to_string(::getpid()) + "-";
    for (size_t i = 0; i < kRandomSuffixLength; ++i) name += kLetters[random() % (sizeof kLetters - 1)];
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

bool writeAll(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

void checkStandardOutput() {
  if (::isatty(STDOUT_FILENO)) {
    throw usageError("usage.output",
                     "standard output is a terminal; redirect it (> FILE, | PROGRAM) or give -o FILE");
  }
  refuseInputDescriptor(STDOUT_FILENO, "standard output");
}

// The mode and owner of the file replaced, so that a 0600 file stays 0600; a classified output is
// owner-only whatever it replaces.
bool takeModeAndOwner(int fd, const OutputTarget& target, const WriteOptions& options) {
  if (target.existing && ::geteuid() == 0 &&
      ::fchown(fd, target.existing->st_uid, target.existing->st_gid) != 0)
    return false;
  if (options.ownerOnly) return ::fchmod(fd, 0600) == 0;
  if (target.existing) return ::fchmod(fd, target.existing->st_mode & 0777) == 0;
  return true;
}

// Makes the rename itself durable: a crash after returning must not bring back the old file.
void syncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void ensureWritable(const std::string& path, const WriteOptions& options) {
  if (path == kStandardOutput) {
    checkStandardOutput();
    return;
  }
  resolveOutput(path, options);
}

void writeFileAtomically(const std::string& path, std::string_view bytes, const WriteOptions& options) {
  if (path == kStandardOutput) {
    checkStandardOutput();
    if (!writeAll(STDOUT_FILENO, bytes)) throw writeError("standard output", std::strerror(errno));
    return;
  }
  const OutputTarget target = resolveOutput(path, options);
  const std::string dir = directoryOf(target.path);
  const std::string prefix = temporaryPrefix(target.path);
  removeStaleTemporaries(dir, prefix);
  std::string tmp;
  const bool replaces = target.existing.has_value();
  const int fd = createTemporary(dir + "/" + prefix, options.ownerOnly || replaces ? 0600 : 0666, tmp);
  if (fd < 0) throw writeError(path, std::strerror(errno));
  auto fail = [&]() {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    throw writeError(path, reason);
  };
  if (!takeModeAndOwner(fd, target, options)) fail();
  if (!writeAll(fd, bytes)) fail();
  if (options.flush && ::fsync(fd) != 0) fail();
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw writeError(path, std::strerror(errno));
  }
  killPointForTests("temporary-written");
  if (::rename(tmp.c_str(), target.path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw writeError(path, reason);
  }
  if (options.flush) syncDirectory(dir);
}

void removeOutput(const std::string& path) {
  if (path != kStandardOutput) ::unlink(followLinks(path).c_str());
}

bool isOwnerOnly(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
}

std::string readFile(const std::string& path) { return readInput(path, InputKind::Pdf); }

}  // namespace gongwen
