#include "pipeline/archive/Bag.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <system_error>

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

[[noreturn]] void writeFailure(const std::string& path) {
  throw systemError("archive.write", path + ": cannot write the bag file: " + std::strerror(errno));
}

// Writes `size` bytes at the file's current end; false with errno on failure.
bool writeAll(int fd, const char* bytes, std::size_t size) {
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// A file this large goes past the page cache (O_DIRECT) to the disk. Three replicas of every PDF
// filled fresh page-cache pages at some 1.7 ns a byte, most of the CPU that placing the bags cost,
// and the disk took direct writes three times as fast as the flush of cached ones. The replica
// root's flush (syncFilesystem) still makes them durable, with the files' metadata, before a bag is
// renamed into place.
constexpr std::size_t kDirectWrite = 64 * 1024;
// What O_DIRECT asks the buffer, the length and the offset to be multiples of: a page covers every
// logical block size a disk has.
constexpr std::size_t kDirectAlignment = 4096;

// The file's leading whole pages written directly, from an aligned copy each writing thread keeps.
// Returns how many bytes were written: 0 when the file system takes no direct writes, fewer when the
// disk refused one; the caller writes the rest as before. The file is left without O_DIRECT.
std::size_t writeDirectly(int fd, const std::string& bytes) {
  const std::size_t aligned = bytes.size() / kDirectAlignment * kDirectAlignment;
  const int flags = ::fcntl(fd, F_GETFL);
  if (aligned == 0 || flags < 0 || ::fcntl(fd, F_SETFL, flags | O_DIRECT) != 0) return 0;
  thread_local std::unique_ptr<char, decltype(&std::free)> buffer(nullptr, &std::free);
  thread_local std::size_t capacity = 0;
  if (capacity < aligned) {
    void* grown = nullptr;
    buffer.reset(::posix_memalign(&grown, kDirectAlignment, aligned) == 0 ? static_cast<char*>(grown)
                                                                          : nullptr);
    capacity = buffer ? aligned : 0;
  }
  std::size_t done = 0;
  if (buffer) {
    std::memcpy(buffer.get(), bytes.data(), aligned);
    while (done < aligned) {
      const ssize_t n = ::write(fd, buffer.get() + done, aligned - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // e.g. EINVAL for a block larger than a page: the rest is written as before
      done += static_cast<std::size_t>(n);
      if (done % kDirectAlignment != 0) break;
    }
  }
  // Without O_DIRECT again, or the unaligned rest would be refused.
  if (::fcntl(fd, F_SETFL, flags) != 0) throw std::system_error(errno, std::generic_category());
  return done;
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
  std::size_t direct = 0;
  try {
    if (bytes.size() >= kDirectWrite) direct = writeDirectly(fd, bytes);
  } catch (const std::system_error& e) {
    ::close(fd);
    errno = e.code().value();
    writeFailure(path);
  }
  if (!writeAll(fd, bytes.data() + direct, bytes.size() - direct)) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    writeFailure(path);
  }
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
