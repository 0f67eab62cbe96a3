// gongwen, the program a user starts: it answers `gongwen`, `gongwen --help`, `-h` and `help` itself
// and hands every other command line to the full program, gongwen-core, in the same directory, by
// exec (same process, same arguments, streams and exit code).
//
// Why: before main() the full program's dynamic loader maps some 20 shared libraries (OpenSSL,
// FreeType, HarfBuzz and theirs) and binds their thousands of symbols (most are linked with
// BIND_NOW): most of a cold `gongwen --help`.
// This front is linked statically and loads nothing. Its usage text is the full program's own,
// captured when it is built (cmake/EmbedUsage.cmake), so the two cannot disagree.

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "GongwenUsage.inc"  // kUsage: `gongwen-core --help`

namespace {

constexpr int kUsageExit = 2;   // gongwen::ExitCode::Usage
constexpr int kSystemExit = 6;  // gongwen::ExitCode::System

void writeAll(int fd, const char* text, size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, text, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text += n;
    size -= static_cast<size_t>(n);
  }
}

void writeAll(int fd, const std::string& text) { writeAll(fd, text.data(), text.size()); }

// gongwen-core beside this program's own file (symbolic links to the front resolved); without
// /proc, the name alone, looked up in PATH.
std::string corePath() {
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return "gongwen-core";
  const std::string path(self, static_cast<size_t>(n));
  return path.substr(0, path.rfind('/') + 1) + "gongwen-core";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    writeAll(STDERR_FILENO, kUsage, sizeof kUsage - 1);
    return kUsageExit;
  }
  const char* first = argv[1];
  if (std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0 || std::strcmp(first, "help") == 0) {
    writeAll(STDOUT_FILENO, kUsage, sizeof kUsage - 1);
    return 0;
  }
  const std::string core = corePath();
  execvp(core.c_str(), argv);  // a path with a slash is run as it is
  writeAll(STDERR_FILENO, "gongwen: error[system.exec]: cannot run " + core + ": " + std::strerror(errno) +
                              "; it is built and installed beside gongwen\n");
  return kSystemExit;
}
