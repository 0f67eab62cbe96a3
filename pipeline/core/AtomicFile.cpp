#include "pipeline/core/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "pipeline/core/Error.h"
#include "pipeline/core/KillPoint.h"

namespace gongwen {
namespace {

std::string directoryOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Error writeError(const std::string& path, const std::string& why) {
  return systemError("io.write", "cannot write " + path + ": " + why +
                                     "; check that the directory exists and is writable");
}

}  // namespace

void ensureWritable(const std::string& path) {
  if (path.empty()) throw writeError(path, "empty output path");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw writeError(path, "it is a directory");
  const std::string dir = directoryOf(path);
  if (::access(dir.c_str(), W_OK | X_OK) != 0) throw writeError(path, std::strerror(errno));
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
  ensureWritable(path);
  std::string tmpl = directoryOf(path) + "/.gongwen-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw writeError(path, std::strerror(errno));
  const std::string tmp(name.data());
  auto fail = [&](const char* why) {
    const std::string reason = why ? why : std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    throw writeError(path, reason);
  };
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(nullptr);
    }
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail(nullptr);
  if (::fsync(fd) != 0) fail(nullptr);
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw writeError(path, std::strerror(errno));
  }
  killPointForTests("temporary-written");
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw writeError(path, reason);
  }
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw systemError("io.read", "cannot read " + path + ": " + std::strerror(errno) +
                                     "; check the path and its permissions");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw systemError("io.read", "cannot read " + path + ": read error");
  return buf.str();
}

}  // namespace gongwen
