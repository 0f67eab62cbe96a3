#include "pipeline/xml/ValidatedDocuments.h"

#include <dirent.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <unistd.h>

#include <atomic>
#include <vector>

#include "pipeline/core/Sha256.h"
#include "pipeline/core/UserCacheDir.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::xml {
namespace {

constexpr char kFormat[] = "gongwen validated document 1";
// Every version of every job rendered adds an entry; past this many (a few MiB of disk) the cache
// starts again rather than growing for ever.
constexpr int kMaxEntries = 1024;

// An entry repeats its name: a truncated entry, or one copied or renamed from another document's,
// is not taken for a pass.
std::string contentFor(const std::string& name) { return std::string(kFormat) + " " + name + "\n"; }

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Empties the cache but for `kept` once it holds more than kMaxEntries entries. Only a write, after
// a validation that cost far more, pays for the count.
void pruneIfFull(int dir, const std::string& kept) {
  const int listing = ::dup(dir);
  if (listing < 0) return;
  DIR* entries = ::fdopendir(listing);
  if (entries == nullptr) {
    ::close(listing);
    return;
  }
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(entries)) {
    const std::string name = entry->d_name;
    if (name != "." && name != ".." && name != kept) names.push_back(name);
  }
  ::closedir(entries);
  if (names.size() < static_cast<size_t>(kMaxEntries)) return;
  for (const std::string& name : names) ::unlinkat(dir, name.c_str(), 0);
}

}  // namespace

std::string validationEntryName(const std::string& schemaRelative, const std::string& schemaDigest,
                                const std::string& documentDigest) {
  return sha256Hex(std::string(kFormat) + "\nlibxml2 " + xmlParserVersion + " options " +
                   std::to_string(xmlParseOptions()) + "\n" + schemaRelative + "\n" + schemaDigest + "\n" +
                   documentDigest + "\n");
}

bool wasFoundValid(const std::string& name) {
  const Descriptor dir(openUserCacheDirectory("validated"));
  if (dir.get() < 0) return false;
  const Descriptor entry(::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (entry.get() < 0 || !isTrustedCacheFile(entry.get())) return false;
  const std::string expected = contentFor(name);
  std::string content(expected.size() + 1, '\0');
  const ssize_t n = ::read(entry.get(), content.data(), content.size());
  return n == static_cast<ssize_t>(expected.size()) && content.compare(0, expected.size(), expected) == 0;
}

void rememberFoundValid(const std::string& name) {
  const Descriptor dir(openUserCacheDirectory("validated"));
  if (dir.get() < 0) return;
  static std::atomic<unsigned> serial{0};
  const std::string temporary =
      "." + name + "." + std::to_string(::getpid()) + "." + std::to_string(serial++);
  const std::string content = contentFor(name);
  bool written = false;
  {
    const Descriptor out(
        ::openat(dir.get(), temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (out.get() < 0) return;
    written = ::write(out.get(), content.data(), content.size()) == static_cast<ssize_t>(content.size());
  }
  // Not flushed: an entry lost or torn in a crash only means validating once more.
  if (!written || ::renameat(dir.get(), temporary.c_str(), dir.get(), name.c_str()) != 0) {
    ::unlinkat(dir.get(), temporary.c_str(), 0);
    return;
  }
  pruneIfFull(dir.get(), name);
}

}  // namespace gongwen::xml
