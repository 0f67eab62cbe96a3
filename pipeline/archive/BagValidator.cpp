#include "pipeline/archive/BagValidator.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "pipeline/archive/BagPaths.h"
#include "pipeline/archive/Digest.h"

namespace gongwen::archive {

namespace {

// Tag files are a few kilobytes; a manifest of many payload files stays far below this.
constexpr std::size_t kTagFileLimit = 16u << 20;

class Validation {
 public:
  Validation(std::string root, const std::vector<FileRecord>* registered,
             const std::map<std::string, FileDigest>* read)
      : root_(std::move(root)), registered_(registered), read_(read) {}

  std::vector<BagProblem> run() {
    struct stat st {};
    if (::lstat(root_.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      add("bag.missing", "", root_ + ": there is no bag directory here");
      return problems_;
    }
    checkDeclaration();
    const auto payload = readManifest("manifest-sha256.txt", true);
    const auto tags = readManifest("tagmanifest-sha256.txt", false);
    if (payload) checkListed(*payload);
    if (tags) checkListed(*tags);
    const std::map<std::string, std::string> none;
    walk("", payload ? *payload : none, tags ? *tags : none);
    checkInfo();  // after the walk, which counts the payload for Payload-Oxum
    if (registered_) checkRegistered();
    return problems_;
  }

 private:
  void add(const std::string& code, const std::string& file, const std::string& message) {
    problems_.push_back({code, file, message});
  }

  // The text of a tag file, or nullopt (with a problem) when it is missing or not a plain file.
  std::optional<std::string> readTagFile(const std::string& name) {
    const std::string path = root_ + "/" + name;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
      add(errno == ENOENT ? "bag.missing" : "bag.unreadable", name,
          name + ": " + (errno == ENOENT ? "the bag has no " + name : std::string(std::strerror(errno))));
      return std::nullopt;
    }
    struct stat st {};
    std::string text;
    bool ok =
        ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= kTagFileLimit;
    if (ok) {
      text.resize(static_cast<std::size_t>(st.st_size));
      std::size_t done = 0;
      while (ok && done < text.size()) {
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        ok = n > 0 || (n < 0 && errno == EINTR);
        if (n > 0) done += static_cast<std::size_t>(n);
      }
    }
    ::close(fd);
    if (!ok) {
      add("bag.unreadable", name, name + ": not a readable regular file of at most 16 MB");
      return std::nullopt;
    }
    return text;
  }

  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      result.push_back(line);
    }
    return result;
  }

  void checkDeclaration() {
    const std::optional<std::string> text = readTagFile("bagit.txt");
    if (!text) return;
    const std::vector<std::string> found = lines(*text);
    const bool ok = found.size() == 2 &&
                    (found[0] == "BagIt-Version: 1.0" || found[0] == "BagIt-Version: 0.97") &&
                    found[1] == "Tag-File-Character-Encoding: UTF-8";
    if (!ok)
      add("bag.declaration", "bagit.txt",
          "bagit.txt: is not \"BagIt-Version: 1.0\" and \"Tag-File-Character-Encoding: UTF-8\"");
  }

  void checkInfo() {
    const std::optional<std::string> text = readTagFile("bag-info.txt");
    if (!text) return;
    std::optional<std::string> oxum;
    int number = 0;
    for (const std::string& line : lines(*text)) {
      ++number;
      if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) continue;  // a continued value
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos || colon == 0) {
        add("bag.info", "bag-info.txt",
            "bag-info.txt line " + std::to_string(number) + ": is not \"Label: value\"");
        return;
      }
      if (line.compare(0, colon, "Payload-Oxum") == 0) oxum = line.substr(colon + 1);
    }
    if (!oxum) {
      add("bag.info", "bag-info.txt", "bag-info.txt: has no Payload-Oxum");
      return;
    }
    const std::string expected = " " + std::to_string(payloadOctets_) + "." + std::to_string(payloadFiles_);
    if (*oxum != expected)
      add("bag.info", "bag-info.txt",
          "bag-info.txt: Payload-Oxum is" + *oxum + " but the payload is" + expected + " (octets.files)");
  }

  // path -> checksum of a manifest; nullopt when it is missing or unreadable.
  std::optional<std::map<std::string, std::string>> readManifest(const std::string& name, bool payload) {
    const std::optional<std::string> text = readTagFile(name);
    if (!text) return std::nullopt;
    std::map<std::string, std::string> entries;
    int number = 0;
    for (const std::string& line : lines(*text)) {
      ++number;
      const std::string at = name + " line " + std::to_string(number) + ": ";
      const std::size_t gap = line.find_first_of(" \t");
      const std::size_t start = gap == std::string::npos ? gap : line.find_first_not_of(" \t", gap);
      std::string checksum = line.substr(0, gap);
      const std::optional<std::string> path =
          start == std::string::npos ? std::nullopt : decodeManifestPath(line.substr(start));
      bool hex = checksum.size() == 64;
      for (char& c : checksum) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        hex = hex && std::isxdigit(static_cast<unsigned char>(c));
      }
      if (!hex || !path) {
        add("bag.manifest", name, at + "is not \"SHA-256  PATH\" with a path inside the bag");
      } else if (payload != (path->rfind("data/", 0) == 0) || *path == "tagmanifest-sha256.txt") {
        add("bag.manifest", name,
            at + *path + (payload ? " is not under data/" : " is a payload file or the tag manifest itself"));
      } else if (!entries.emplace(*path, checksum).second) {
        add("bag.manifest", name, at + *path + " is listed twice");
      }
    }
    return entries;
  }

  void checkListed(const std::map<std::string, std::string>& entries) {
    for (const auto& [path, checksum] : entries) {
      std::string error;
      const auto read = read_ ? read_->find(path) : std::map<std::string, FileDigest>::const_iterator{};
      const FileDigest digest =
          read_ && read != read_->end() ? read->second : digestFile(root_ + "/" + path, error);
      if (digest.sha256.empty()) {
        const bool missing = error == std::strerror(ENOENT) || error == std::strerror(ENOTDIR);
        add(missing ? "bag.missing" : "bag.unreadable", path,
            path + ": " + (missing ? "listed in the manifest but missing" : error));
      } else {
        digests_[path] = digest;
        if (digest.sha256 != checksum)
          add("bag.checksum", path,
              path + ": SHA-256 is " + digest.sha256 + ", the manifest says " + checksum);
      }
    }
  }

  // Every entry of the bag: payload files must be in the manifest, tag files in the tag manifest.
  void walk(const std::string& relative, const std::map<std::string, std::string>& payload,
            const std::map<std::string, std::string>& tags) {
    const std::string path = relative.empty() ? root_ : root_ + "/" + relative;
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      add("bag.unreadable", relative,
          (relative.empty() ? root_ : relative) + ": cannot list: " + std::strerror(errno));
      return;
    }
    std::set<std::string> names;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.insert(name);
    }
    ::closedir(dir);
    if (relative.empty() && !names.count("data"))
      add("bag.missing", "data", "the bag has no data/ directory");
    for (const std::string& name : names) {
      const std::string child = relative.empty() ? name : relative + "/" + name;
      struct stat st {};
      if (::lstat((root_ + "/" + child).c_str(), &st) != 0) continue;
      const bool inPayload = child.rfind("data/", 0) == 0;
      if (S_ISDIR(st.st_mode)) {
        walk(child, payload, tags);
      } else if (!S_ISREG(st.st_mode)) {
        add("bag.unreadable", child, child + ": is a link, FIFO or device, not a file of a bag");
      } else if (inPayload) {
        payloadOctets_ += static_cast<unsigned long long>(st.st_size);
        ++payloadFiles_;
        if (!payload.count(child))
          add("bag.extra", child, child + ": a payload file the manifest does not list");
      } else if (child != "tagmanifest-sha256.txt" && !tags.count(child)) {
        add("bag.extra", child, child + ": a tag file the tag manifest does not list");
      }
    }
  }

  void checkRegistered() {
    for (const FileRecord& file : *registered_) {
      auto known = digests_.find(file.path);
      FileDigest digest;
      std::string error;
      if (known != digests_.end()) {
        digest = known->second;
      } else if (const std::optional<std::string> path = decodeManifestPath(encodeManifestPath(file.path))) {
        // Checked like a manifest path before it is opened; the tag manifest, or a file no manifest lists.
        digest = digestFile(root_ + "/" + *path, error);
      }
      if (digest.sha256.empty()) {
        add("bag.registry", file.path, file.path + ": registered at ingest but missing or unreadable");
      } else if (digest.sha256 != file.sha256 || digest.size != file.size) {
        add("bag.registry", file.path,
            file.path + ": SHA-256 " + digest.sha256 + " (" + std::to_string(digest.size) +
                " bytes) is not the " + file.sha256 + " (" + std::to_string(file.size) +
                " bytes) registered at ingest");
      }
    }
  }

  std::string root_;
  const std::vector<FileRecord>* registered_;
  const std::map<std::string, FileDigest>* read_;  // files the caller has just hashed
  std::map<std::string, FileDigest> digests_;      // of each file a manifest lists, as read
  std::vector<BagProblem> problems_;
  unsigned long long payloadOctets_ = 0, payloadFiles_ = 0;
};

}  // namespace

std::vector<BagProblem> validateBag(const std::string& directory) {
  return Validation(directory, nullptr, nullptr).run();
}

std::vector<BagProblem> validateBag(const std::string& directory, const std::vector<FileRecord>& registered) {
  return Validation(directory, &registered, nullptr).run();
}

std::vector<BagProblem> validateBag(const std::string& directory,
                                    const std::map<std::string, FileDigest>& read) {
  return Validation(directory, nullptr, &read).run();
}

}  // namespace gongwen::archive
