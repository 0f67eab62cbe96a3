#include "pipeline/archive/FileModes.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

namespace fs = std::filesystem;

std::string octal(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

void checkOne(const fs::path& path, bool ownerOnly, std::vector<ModeFinding>& findings) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0) return;  // gone while walking: the fixity audit says so
  const bool directory = S_ISDIR(status.st_mode);
  if (!directory && !S_ISREG(status.st_mode)) {
    findings.push_back({"archive.not-a-regular-file", path.string(),
                        "is neither a directory nor a regular file (a link, FIFO or device); remove it and "
                        "let the audit restore the file from a good replica"});
    return;
  }
  if (status.st_mode & S_IWOTH) {
    findings.push_back({"archive.world-writable", path.string(),
                        std::string("mode ") + octal(status.st_mode) + ": anyone may change this " +
                            (directory ? "directory" : "file") + "; chmod o-w it"});
  }
  if (ownerOnly && (status.st_mode & (S_IRWXG | S_IRWXO))) {
    findings.push_back({"archive.not-owner-only", path.string(),
                        "mode " + octal(status.st_mode) +
                            ": a classified document's bag is for the archive's owner only; chmod go= it"});
  }
}

}  // namespace

std::vector<ModeFinding> checkFileModes(const std::string& root, bool ownerOnly) {
  std::vector<ModeFinding> findings;
  std::error_code error;
  if (!fs::exists(fs::symlink_status(root, error))) return findings;
  checkOne(root, ownerOnly, findings);
  if (!fs::is_directory(fs::symlink_status(root, error))) return findings;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    checkOne(it->path(), ownerOnly, findings);
  }
  if (error) {
    throw systemError("io.read", root + ": cannot walk the replica (" + error.message() +
                                     "); give the archive's user read access to all of it");
  }
  return findings;
}

}  // namespace gongwen::archive
