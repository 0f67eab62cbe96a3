#include "pipeline/core/OutputTarget.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

// As Linux's own limit on symbolic links followed in one path (MAXSYMLINKS).
constexpr int kMaxLinksFollowed = 40;

Error refused(const std::string& code, const std::string& output, const std::string& why) {
  return systemError(code, "will not write " + output + ": " + why);
}

const char* kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "directory";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  return "special file";
}

// A link anyone could have planted (in /tmp, by another user) must not choose which file we
// replace: the kernel's fs.protected_symlinks rule, which a rename over the target would bypass.
void refuseUntrustedLink(const std::string& output, const std::string& link, const struct stat& linkStat) {
  struct stat dir {};
  if (::stat(directoryOf(link).c_str(), &dir) != 0) return;
  const bool shared = (dir.st_mode & S_ISVTX) != 0 && (dir.st_mode & S_IWOTH) != 0;
  if (shared && linkStat.st_uid != ::geteuid() && linkStat.st_uid != dir.st_uid) {
    throw refused("io.output-symlink-untrusted", output,
                  link +
                      " is a symbolic link another user owns in a shared directory; give the path of "
                      "the file it points to, if that is really meant");
  }
}

std::string inputName(const std::string& output, const std::string& input) {
  return input == output ? "an input" : input + ", an input";
}

}  // namespace

std::string followLinks(const std::string& output) {
  std::string at = output;
  for (int hop = 0; hop < kMaxLinksFollowed; ++hop) {
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    refuseUntrustedLink(output, at, st);
    std::error_code ec;
    const fs::path to = fs::read_symlink(at, ec);
    if (ec) throw systemError("io.write", "cannot write " + output + ": " + ec.message());
    at = (to.is_absolute() ? to : fs::path(directoryOf(at)) / to).string();
  }
  throw refused("io.write", output, std::strerror(ELOOP));
}

std::string directoryOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

OutputTarget resolveOutput(const std::string& output, const WriteOptions& options) {
  if (output.empty()) {
    throw usageError("usage.output", "the output path is empty; give a file name, or - for standard output");
  }
  OutputTarget target{followLinks(output), std::nullopt};
  struct stat st {};
  if (::stat(target.path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      throw refused("io.output-not-regular", output,
                    std::string("it is a ") + kindOf(st.st_mode) + ", not a regular file; give a file name");
    }
    if (st.st_nlink > 1) {
      throw refused("io.output-hard-linked", output,
                    "it has " + std::to_string(st.st_nlink) +
                        " hard links and replacing it would leave the others with the old content; "
                        "write to a new name, or remove the other links first");
    }
    target.existing = st;
  } else if (errno != ENOENT) {
    throw systemError("io.write", "cannot write " + output + ": " + std::strerror(errno));
  }
  if (!options.replacesInput) {
    if (const auto input = notedInputAt(target.path, target.existing ? &*target.existing : nullptr)) {
      throw refused("io.output-is-input", output,
                    "it is " + inputName(output, *input) + " of this command; choose another output name");
    }
  }
  const std::string dir = directoryOf(target.path);
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw systemError("io.write", "cannot write " + output + ": " + std::strerror(errno) +
                                      "; check that the directory exists and is writable");
  }
  return target;
}

void refuseInputDescriptor(int fd, const std::string& name) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  if (const auto input = notedInputAt("", &st)) {
    throw refused("io.output-is-input", name,
                  "it is " + *input + ", an input of this command; choose another output name");
  }
}

}  // namespace gongwen
