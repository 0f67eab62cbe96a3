#include "pipeline/fonts/ResolutionCache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/UserCacheDir.h"
#include "pipeline/fonts/FontEngine.h"

namespace gongwen::fonts {
namespace {

constexpr char kHeader[] = "gongwen font resolution cache 2";
// Far more than any real cache (a few dozen families); anything bigger is not ours.
constexpr size_t kMaxFileBytes = 1 << 20;
// fontconfig itself walks every directory under a font directory; a configuration naming a huge
// tree is not worth fingerprinting and simply goes uncached.
constexpr int kMaxDirectories = 4096;

uint64_t fnv1a(const std::string& bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

std::string hex(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = digits[value & 15];
  return out;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// $XDG_<kind>_HOME, else ~/<fallback>; "" when neither variable is set.
std::string xdgHome(const char* variable, const char* fallback) {
  const std::string xdg = environment(variable);
  if (!xdg.empty() && xdg.front() == '/') return xdg;
  const std::string home = environment("HOME");
  return home.empty() ? "" : home + "/" + fallback;
}

bool storable(const std::string& text) { return text.find_first_of("\t\n") == std::string::npos; }

// Type, size and modification time: what changes when a file or a directory's entries change.
std::string stampOf(const struct stat& st) {
  return std::to_string(st.st_mode & S_IFMT) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

std::string stampOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return stampOf(st);
}

// Everything fontconfig's answers depend on: the environment it reads, as text, and the files and
// directories it reads, each with its stamp when fingerprinted. Fingerprinting walks the directory
// trees; a later process checks the fingerprint by statting the paths it lists, without listing a
// directory again: a directory's stamp changes whenever an entry is added, removed or renamed in
// it, the rule fontconfig itself uses for its caches. (The walk over /etc/fonts and every font
// directory was most of a cached render's system calls.)
class Fingerprint {
 public:
  void add(const std::string& text) { environment_ += text + "\n"; }
  void addFile(const std::string& path) { addStamp(path, stampOf(path)); }

  // The directory and every directory below it (fontconfig notices added or removed fonts by
  // the modification time of the directory that holds them); `withFiles` adds the files too.
  void addTree(const std::string& path, bool withFiles = false) {
    addFile(path);
    if (++directories_ > kMaxDirectories) return;
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return;
    std::vector<std::string> entries;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      // Without the files, a regular file is all that readdir needs to say: statting each of a
      // font tree's files (Poppler's CMaps under /usr/share/fonts) was most of a render's syscalls.
      if (name == "." || name == ".." || (!withFiles && entry->d_type == DT_REG)) continue;
      entries.push_back(path + "/" + name);
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
      struct stat st {};
      if (::stat(entry.c_str(), &st) != 0) continue;
      if (S_ISDIR(st.st_mode)) {
        addTree(entry, withFiles);
      } else if (withFiles) {
        addStamp(entry, stampOf(st));
      }
    }
  }

  // False when the trees were too big to fingerprint or a path cannot be written down.
  bool usable() const { return directories_ <= kMaxDirectories && storable_; }
  std::string environmentHash() const { return hex(fnv1a(environment_)); }
  const std::vector<std::pair<std::string, std::string>>& stamps() const { return stamps_; }

 private:
  void addStamp(const std::string& path, const std::string& stamp) {
    storable_ = storable_ && storable(path);
    stamps_.emplace_back(path, stamp);
  }

  std::string environment_;
  std::vector<std::pair<std::string, std::string>> stamps_;
  int directories_ = 0;
  bool storable_ = true;
};

// The font directories of Debian's fontconfig configuration (/etc/fonts/fonts.conf) and the
// configuration's own: where fontconfig finds fonts, so where an answer may point.
std::vector<std::string> fontDirectoriesFor(const std::vector<std::string>& configured) {
  std::vector<std::string> dirs = {"/usr/share/fonts", "/usr/local/share/fonts"};
  if (const std::string data = xdgHome("XDG_DATA_HOME", ".local/share"); !data.empty()) {
    dirs.push_back(data + "/fonts");
  }
  if (const std::string home = environment("HOME"); !home.empty()) dirs.push_back(home + "/.fonts");
  dirs.insert(dirs.end(), configured.begin(), configured.end());
  return dirs;
}

// The environment part of the fingerprint: what fontconfig reads besides files, and which trees
// are walked (a changed $HOME or $XDG_CONFIG_HOME walks others).
void addEnvironment(Fingerprint& fingerprint, const std::vector<std::string>& fontDirectories) {
  fingerprint.add(kHeader);
  fingerprint.add("fontconfig " + std::to_string(fontEngine().fontconfigVersion()));
  for (const char* variable : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                               "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
    fingerprint.add(std::string(variable) + "=" + environment(variable));
  }
  for (const auto& dir : fontDirectories) fingerprint.add("fonts " + dir);
}

Fingerprint fingerprintOf(const std::vector<std::string>& fontDirectories) {
  Fingerprint state;
  addEnvironment(state, fontDirectories);
  const std::string fcFile = environment("FONTCONFIG_FILE");
  state.addFile(fcFile.empty() ? "/etc/fonts/fonts.conf" : fcFile);
  state.addTree("/etc/fonts", true);
  if (const std::string path = environment("FONTCONFIG_PATH"); !path.empty()) state.addTree(path, true);
  const std::string home = environment("HOME");
  if (const std::string config = xdgHome("XDG_CONFIG_HOME", ".config"); !config.empty()) {
    state.addTree(config + "/fontconfig", true);
  }
  if (!home.empty()) {
    state.addFile(home + "/.fonts.conf");
    state.addTree(home + "/.fonts.conf.d", true);
  }
  state.addFile("/var/cache/fontconfig");
  if (const std::string cache = userCacheHome(); !cache.empty()) {
    state.addFile(cache + "/fontconfig");
  }
  for (const auto& dir : fontDirectories) state.addTree(dir);
  return state;
}

std::string environmentHashOf(const std::vector<std::string>& fontDirectories) {
  Fingerprint environmentOnly;
  addEnvironment(environmentOnly, fontDirectories);
  return environmentOnly.environmentHash();
}

bool insideOneOf(const std::string& path, const std::vector<std::string>& directories) {
  if (path.find("/../") != std::string::npos) return false;
  for (const auto& dir : directories) {
    if (!dir.empty() && path.size() > dir.size() + 1 && path.compare(0, dir.size(), dir) == 0 &&
        path[dir.size()] == '/') {
      return true;
    }
  }
  return false;
}

std::string baseName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// The directory holding `path`, opened without following a link there, or -1 unless it may hold a
// cache (UserCacheDir.h).
int openTrustedDirectoryOf(const std::string& path) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0 && !isTrustedCacheDirectory(fd)) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::vector<std::string> fieldsOf(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

}  // namespace

ResolutionCache::ResolutionCache(std::string file, const std::vector<std::string>& directories)
    : file_(std::move(file)), fontDirectories_(fontDirectoriesFor(directories)) {
  if (!file_.empty()) read();
}

void ResolutionCache::read() {
  // Only a file this user's own processes wrote is an answer: in a directory of this user's that
  // nobody else may write, not a link, writable by nobody else (UserCacheDir.h).
  const int dir = openTrustedDirectoryOf(file_);
  if (dir < 0) return;
  const int fd = ::openat(dir, baseName(file_).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  ::close(dir);
  if (fd < 0) return;
  // Read in small pieces: a buffer of the limit's size, zeroed, cost a cold render 256 page faults.
  std::string text;
  char piece[4096];
  ssize_t n = isTrustedCacheFile(fd) ? 1 : -1;
  while (n > 0 && text.size() <= kMaxFileBytes && (n = ::read(fd, piece, sizeof piece)) > 0) {
    text.append(piece, static_cast<size_t>(n));
  }
  ::close(fd);
  if (n != 0) return;  // untrusted, unreadable or past the limit

  // The last line is the sum of everything before it: a truncated or damaged file is no cache.
  const auto sumLine = text.rfind("sum ");
  if (sumLine == std::string::npos ||
      text.compare(sumLine, std::string::npos, "sum " + hex(fnv1a(text.substr(0, sumLine))) + "\n") != 0) {
    return;
  }
  std::istringstream lines(text.substr(0, sumLine));
  std::string line;
  if (!std::getline(lines, line) || line != kHeader) return;
  if (!std::getline(lines, line) || line != "state " + environmentHashOf(fontDirectories_)) return;
  // Every file and directory fingerprinted when the answers were stored, still as it was.
  if (!std::getline(lines, line) || line.rfind("watched ", 0) != 0) return;
  const std::string count = line.substr(8);
  if (count.empty() || count.size() > 6 || count.find_first_not_of("0123456789") != std::string::npos) return;
  for (unsigned long i = std::stoul(count); i > 0; --i) {
    if (!std::getline(lines, line)) return;
    const auto fields = fieldsOf(line);
    if (fields.size() != 2 || stampOf(fields[0]) != fields[1]) return;
  }
  std::map<std::string, Answer> answers;
  while (std::getline(lines, line)) {
    const auto fields = fieldsOf(line);
    if (fields.size() == 2 && fields[1] == "-") {
      answers[fields[0]] = Answer{};
    } else if (fields.size() == 5 && fields[2].find_first_not_of("0123456789") == std::string::npos &&
               !fields[2].empty() && fields[2].size() < 6) {
      answers[fields[0]] =
          Answer{ResolvedFont{fields[1], static_cast<unsigned>(std::stoul(fields[2])), fields[3]}, fields[4]};
    } else {
      return;
    }
  }
  answers_ = std::move(answers);
}

std::optional<std::optional<ResolvedFont>> ResolutionCache::find(const std::string& pattern) const {
  const auto it = answers_.find(pattern);
  if (it == answers_.end()) return std::nullopt;
  const Answer& answer = it->second;
  if (!answer.font) return std::optional<ResolvedFont>{};
  // A font file replaced in place leaves its directory as it was: check the file itself, and
  // that the answer is where fontconfig looks, whatever the file says.
  if (!insideOneOf(answer.font->path, fontDirectories_) || stampOf(answer.font->path) != answer.fileStamp) {
    return std::nullopt;
  }
  return answer.font;
}

void ResolutionCache::store(const std::string& pattern, const std::optional<ResolvedFont>& font) {
  if (file_.empty() || !storable(pattern)) return;
  if (font && (!storable(font->path) || !storable(font->family))) return;
  // Asking fontconfig may have refreshed its own caches: the state to record is the one after.
  const Fingerprint state = fingerprintOf(fontDirectories_);
  if (!state.usable()) return;
  answers_[pattern] = Answer{font, font ? stampOf(font->path) : ""};

  std::string text = std::string(kHeader) + "\nstate " + state.environmentHash() + "\nwatched " +
                     std::to_string(state.stamps().size()) + "\n";
  for (const auto& [path, stamp] : state.stamps()) text += path + "\t" + stamp + "\n";
  for (const auto& [stored, answer] : answers_) {
    if (answer.font) {
      text += stored + "\t" + answer.font->path + "\t" + std::to_string(answer.font->faceIndex) + "\t" +
              answer.font->family + "\t" + answer.fileStamp + "\n";
    } else {
      text += stored + "\t-\n";
    }
  }
  text += "sum " + hex(fnv1a(text)) + "\n";

  const auto slash = file_.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    const std::string dir = file_.substr(0, slash);
    const auto parent = dir.rfind('/');
    if (parent != std::string::npos && parent > 0) ::mkdir(dir.substr(0, parent).c_str(), 0700);
    ::mkdir(dir.c_str(), 0700);
  }
  // Answers written where another user can replace them would never be read back.
  const int dir = openTrustedDirectoryOf(file_);
  if (dir < 0) return;
  ::close(dir);
  try {
    WriteOptions options;
    options.ownerOnly = true;
    writeFileAtomically(file_, text, options);
  } catch (const std::exception&) {
    // Not writable (a read-only home, a full disk): the next run asks fontconfig again.
  }
}

std::string ResolutionCache::defaultFile(const std::vector<std::string>& directories) {
  const std::string cache = userCacheHome();
  if (cache.empty()) return "";
  // The format's version is part of the name: two versions of gongwen installed side by side (or
  // sharing a home) keep their own files instead of each rejecting and rewriting the other's.
  std::string key = std::string(kHeader) + "\n";
  for (const auto& dir : directories) key += dir + "\n";
  return cache + "/gongwen/fonts-" + hex(fnv1a(key)) + ".cache";
}

}  // namespace gongwen::fonts
