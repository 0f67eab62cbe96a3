#include "pipeline/core/InputFile.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"

namespace gongwen {
namespace {

constexpr std::uint64_t KB = 1024;
constexpr std::uint64_t MB = 1024 * KB;
constexpr std::uint64_t GB = 1024 * MB;

struct KindInfo {
  const char* name;
  std::uint64_t defaultLimit;
  bool hasOption;  // the limit is the main input's, raised by the command's --max-input-size
};

// The defaults are documented in README.md ("Input limits"); keep the two in step.
constexpr std::array<KindInfo, 14> kKinds{{
    {"job", 16 * MB, true},
    {"template", 4 * MB, false},
    {"font configuration", 1 * MB, false},
    {"policy", 4 * MB, false},
    {"plain text", 64 * MB, true},
    {"PDF", 512 * MB, true},
    {"password or PIN file", 4 * KB, false},
    {"certificate", 1 * MB, false},
    {"PKCS#12 file", 1 * MB, false},
    {"seal image", 16 * MB, false},
    {"seal-register head file", 4 * KB, false},
    {"proposals register", 64 * MB, true},
    {"keyring", 1 * MB, false},
    {"CRL", 16 * MB, false},
}};

const KindInfo& info(InputKind kind) { return kKinds.at(static_cast<std::size_t>(kind)); }

// Atomic: inputs are read on several threads (templates and font configurations while rendering).
struct Limits {
  std::array<std::atomic<std::uint64_t>, kKinds.size()> bytes;
  Limits() {
    for (std::size_t i = 0; i < kKinds.size(); ++i) bytes[i] = kKinds[i].defaultLimit;
  }
};

std::atomic<std::uint64_t>& limitOf(InputKind kind) {
  static Limits all;
  return all.bytes.at(static_cast<std::size_t>(kind));
}

std::string sizeText(std::uint64_t bytes) {
  const auto scaled = [&](std::uint64_t unit, const char* name) {
    char text[32];
    const double value = static_cast<double>(bytes) / static_cast<double>(unit);
    std::snprintf(text, sizeof text, value < 10 && bytes % unit != 0 ? "%.1f %s" : "%.0f %s", value, name);
    return std::string(text);
  };
  if (bytes >= GB) return scaled(GB, "GB");
  if (bytes >= MB) return scaled(MB, "MB");
  if (bytes >= KB) return scaled(KB, "KB");
  return std::to_string(bytes) + " bytes";
}

Error readError(const std::string& path, const std::string& why) {
  return systemError("io.read", "cannot read " + path + ": " + why);
}

const char* fileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a pipe";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

const char* inputKindName(InputKind kind) { return info(kind).name; }

std::uint64_t inputLimit(InputKind kind) { return limitOf(kind); }

void setInputLimit(InputKind kind, std::uint64_t bytes) { limitOf(kind) = bytes; }

std::uint64_t parseByteSize(const std::string& text, const std::string& option) {
  const auto bad = [&] {
    return usageError("usage", option +
                                   " must be a number of bytes, optionally followed by K, M or G (as in " +
                                   option + " 64M), not '" + text + "'");
  };
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 15 || text.size() > digits + 1) throw bad();
  std::uint64_t unit = 1;
  if (text.size() == digits + 1) {
    switch (text.back()) {
      case 'K':
      case 'k':
        unit = KB;
        break;
      case 'M':
      case 'm':
        unit = MB;
        break;
      case 'G':
      case 'g':
        unit = GB;
        break;
      default:
        throw bad();
    }
  }
  const std::uint64_t value = std::stoull(text.substr(0, digits));
  if (value == 0 || value > UINT64_MAX / unit) throw bad();
  return value * unit;
}

InputFile::InputFile(const std::string& path, InputKind kind) : path_(path), kind_(kind) {
  noteInput(path);
  // Symbolic links are followed: a deployer may link a policy or a key into place.
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd_ < 0)
    throw readError(path, std::string(std::strerror(errno)) + "; check the path and its permissions");
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd_);
    throw readError(path, why);
  }
  const bool pipeAllowed = kind == InputKind::Secret && S_ISFIFO(st.st_mode);
  if (!S_ISREG(st.st_mode) && !pipeAllowed) {
    ::close(fd_);
    throw readError(path, std::string("it is ") + fileTypeName(st.st_mode) + "; give the path of a " +
                              inputKindName(kind) + " file");
  }
  // Opened non-blocking so that a refused FIFO cannot hang the open. A wanted one stays so: read()
  // waits in poll(), which on Linux reports the end (POLLHUP) only once a writer has come and gone,
  // whether it came before the open, between the open and the first read, or later. (Reopening it
  // blocking would wait forever for a writer that already wrote and left.)
  pipe_ = pipeAllowed;
  size_ = S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
  if (size_ > inputLimit(kind)) {
    ::close(fd_);
    refuseTooLarge(size_, true);
  }
}

InputFile::~InputFile() { ::close(fd_); }

void InputFile::refuseTooLarge(std::uint64_t size, bool sizeKnown) const {
  const KindInfo& k = info(kind_);
  const std::uint64_t limit = inputLimit(kind_);
  std::string sizes = sizeText(size), limits = sizeText(limit);
  if (sizes == limits) sizes = std::to_string(size) + " bytes", limits = std::to_string(limit) + " bytes";
  throw inputError(
      "input.too-large",
      path_ + (sizeKnown ? " is " + sizes : " holds more than " + limits) + "; the limit for a " + k.name +
          " is " + limits + "; " +
          (k.hasOption ? "raise it with --max-input-size BYTES if the file is genuine"
                       : "no genuine " + std::string(k.name) + " is that large; check the file"));
}

std::size_t InputFile::read(char* buffer, std::size_t capacity) {
  while (true) {
    if (pipe_) {
      pollfd ready{fd_, POLLIN, 0};
      if (::poll(&ready, 1, -1) < 0) {
        if (errno == EINTR) continue;
        throw readError(path_, std::strerror(errno));
      }
    }
    const ssize_t n = ::read(fd_, buffer, capacity);
    if (n < 0 && (errno == EINTR || (pipe_ && errno == EAGAIN))) continue;
    if (n < 0) throw readError(path_, std::strerror(errno));
    consumed_ += static_cast<std::uint64_t>(n);
    // A file that grows while it is read, or a pipe, is held to the limit as it goes.
    if (consumed_ > inputLimit(kind_)) refuseTooLarge(consumed_, false);
    return static_cast<std::size_t>(n);
  }
}

std::string InputFile::readAll() {
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size_));
  char chunk[64 * 1024];
  while (const std::size_t n = read(chunk, sizeof chunk)) bytes.append(chunk, n);
  return bytes;
}

std::string readInput(const std::string& path, InputKind kind) { return InputFile(path, kind).readAll(); }

}  // namespace gongwen
