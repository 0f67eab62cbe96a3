#include "pipeline/archive/Bag.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "pipeline/archive/BagPaths.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

std::string utcDay(std::time_t when) {
  std::tm day{};
  gmtime_r(&when, &day);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

// A bag-info value is one line: a line break would start a label of its own.
std::string oneLine(std::string value) {
  for (char& c : value) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return value;
}

BagFile file(const std::string& path, std::string bytes) {
  BagFile f{path, std::move(bytes), ""};
  f.sha256 = sha256Hex(f.bytes);
  return f;
}

std::string manifestOf(const std::vector<BagFile>& files) {
  std::string text;
  for (const BagFile& f : files) text += f.sha256 + "  " + encodeManifestPath(f.path) + "\n";
  return text;
}

constexpr std::size_t kEarlyWriteback = 64 * 1024;

[[noreturn]] void writeFailure(const std::string& path) {
  throw systemError("archive.write", path + ": cannot write the bag file: " + std::strerror(errno));
}

// `exactMode`: the mode whatever the umask (a classified bag's 0600); otherwise the umask applies.
void writeFile(const std::string& path, const std::string& bytes, mode_t mode, bool exactMode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) writeFailure(path);
  if (exactMode && ::fchmod(fd, mode) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    writeFailure(path);
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      errno = saved;
      writeFailure(path);
    }
    done += static_cast<std::size_t>(n);
  }
  // A large file goes to the disk now, while the next ones are written, rather than all at the flush
  // of the root (syncFilesystem), which then has less to wait for. A failure shows there.
  if (bytes.size() >= kEarlyWriteback) (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  if (::close(fd) != 0) writeFailure(path);
}

}  // namespace

BagImage makeBag(BagContents contents, std::time_t baggingDate) {
  BagImage image;
  unsigned long long octets = 0;
  for (auto& [path, bytes] : contents.payload) {
    octets += bytes.size();
    const auto known = contents.payloadSha256.find(path);
    image.files.push_back(known == contents.payloadSha256.end()
                              ? file("data/" + path, std::move(bytes))
                              : BagFile{"data/" + path, std::move(bytes), known->second});
  }
  const std::size_t payloadFiles = image.files.size();
  std::vector<BagFile> tags;
  tags.push_back(file("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
  std::string info = "Bagging-Date: " + utcDay(baggingDate) + "\n" + "Bag-Software-Agent: gongwen\n" +
                     "External-Identifier: " + oneLine(contents.archiveId) + "\n" +
                     "Payload-Oxum: " + std::to_string(octets) + "." + std::to_string(payloadFiles) + "\n";
  for (const auto& [label, value] : contents.info) info += oneLine(label) + ": " + oneLine(value) + "\n";
  tags.push_back(file("bag-info.txt", info));
  tags.push_back(file("manifest-sha256.txt", manifestOf(image.files)));  // the payload, so far
  image.files.insert(image.files.end(), tags.begin(), tags.end());
  image.files.push_back(file("tagmanifest-sha256.txt", manifestOf(tags)));
  return image;
}

void writeBagImage(const BagImage& image, const std::string& directory, bool ownerOnly) {
  const mode_t fileMode = ownerOnly ? 0600 : 0644, directoryMode = ownerOnly ? 0700 : 0755;
  const auto makeDirectory = [&](const std::string& path) {
    if (::mkdir(path.c_str(), directoryMode) != 0 || (ownerOnly && ::chmod(path.c_str(), directoryMode) != 0))
      writeFailure(path);
  };
  makeDirectory(directory);
  std::set<std::string> directories;
  for (const BagFile& f : image.files) {
    // Every parent of the file inside the bag, created once.
    for (std::size_t slash = f.path.find('/'); slash != std::string::npos;
         slash = f.path.find('/', slash + 1)) {
      const std::string parent = directory + "/" + f.path.substr(0, slash);
      if (directories.insert(parent).second) makeDirectory(parent);
    }
    writeFile(directory + "/" + f.path, f.bytes, fileMode, ownerOnly);
  }
}

void syncFilesystem(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) writeFailure(path);
  const int result = ::syncfs(fd);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (result != 0) writeFailure(path);
}

void syncDirectory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) writeFailure(directory);
  const int result = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (result != 0) writeFailure(directory);
}

}  // namespace gongwen::archive
