#include "pipeline/archive/FixityAudit.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/archive/ReplicaRepair.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

using Severity = AuditIssue::Severity;

// One replica's copy of a document: what is wrong with each registered file ('' = as registered),
// and whether the bag must be rebuilt whole (it, or a directory inside it, is missing or not a
// directory: files cannot be put back one by one into what is not there or is a link).
struct ReplicaCopy {
  std::vector<std::string> problems;
  std::string wholeBagProblem;
  std::vector<std::string> extras;  // entries of the bag the registry does not list (unrepaired)
  bool good() const {
    for (const std::string& problem : problems)
      if (!problem.empty()) return false;
    return true;
  }
};

std::string abbreviated(const std::string& sha256) { return sha256.substr(0, 12) + "…"; }

std::string fileProblem(const std::string& path, const FileRecord& expected) {
  struct stat entry {};
  if (::lstat(path.c_str(), &entry) != 0) return errno == ENOENT ? "missing" : std::strerror(errno);
  std::string error;
  const FileDigest digest = digestFile(path, error);
  if (digest.sha256.empty()) return error;
  if (digest.sha256 == expected.sha256 && digest.size == expected.size) return "";
  std::string problem = "altered: SHA-256 " + abbreviated(digest.sha256) + " where the registry has " +
                        abbreviated(expected.sha256);
  if (digest.size != expected.size)
    problem += ", " + std::to_string(digest.size) + " bytes instead of " + std::to_string(expected.size);
  return problem;
}

// What is wrong with `directory` as a directory of the bag, or ''.
std::string directoryProblem(const std::string& directory, const std::string& name) {
  struct stat entry {};
  if (::lstat(directory.c_str(), &entry) != 0)
    return errno == ENOENT ? name + " is missing" : name + ": " + std::strerror(errno);
  return S_ISDIR(entry.st_mode) ? "" : name + " is not a directory (a link or a file stands in its place)";
}

// What lies in the bag besides its registered files and the directories that hold them: listing the
// bag's directories is cheap, so every replica is searched, not only the one validated as BagIt. An
// unexpected directory is named whole, never entered.
std::vector<std::string> unregisteredEntries(const std::string& bag, const std::vector<FileRecord>& files) {
  std::set<std::string> registered, directories{""};
  for (const FileRecord& file : files) {
    registered.insert(file.path);
    for (std::size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1))
      directories.insert(file.path.substr(0, slash));
  }
  std::vector<std::string> extras;
  for (const std::string& directory : directories) {
    const std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir((bag + "/" + directory).c_str()), ::closedir);
    if (!listing) continue;  // a missing directory is the bag's problem, found with its files
    while (const dirent* entry = ::readdir(listing.get())) {
      const std::string name = entry->d_name;
      if (name == "." || name == "..") continue;
      const std::string path = directory.empty() ? name : directory + "/" + name;
      if (!registered.count(path) && !directories.count(path)) extras.push_back(path);
    }
  }
  std::sort(extras.begin(), extras.end());
  return extras;
}

ReplicaCopy inspect(const std::string& bag, const std::vector<FileRecord>& files) {
  ReplicaCopy copy;
  copy.wholeBagProblem = directoryProblem(bag, "the bag");
  for (const FileRecord& file : files) {
    for (std::size_t slash = file.path.find('/'); copy.wholeBagProblem.empty() && slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      const std::string inner = file.path.substr(0, slash);
      copy.wholeBagProblem = directoryProblem(bag + "/" + inner, inner + "/");
    }
  }
  for (const FileRecord& file : files) {
    copy.problems.push_back(copy.wholeBagProblem.empty() ? fileProblem(bag + "/" + file.path, file)
                                                         : copy.wholeBagProblem);
  }
  if (copy.wholeBagProblem.empty()) copy.extras = unregisteredEntries(bag, files);
  return copy;
}

class DocumentAudit {
 public:
  DocumentAudit(const ArchiveLayout& layout, const DocumentRecord& document, bool ownerOnly, bool deep)
      : layout_(layout), document_(document), ownerOnly_(ownerOnly), deep_(deep) {}

  DocumentFixity run() {
    for (std::size_t r = 0; r < kReplicaCount; ++r) copies_[r] = inspectReplica(r);
    sources_.assign(document_.files.size(), std::nullopt);
    for (std::size_t f = 0; f < document_.files.size(); ++f) {
      for (std::size_t r = 0; r < kReplicaCount && !sources_[f]; ++r) {
        if (copies_[r].problems[f].empty()) sources_[f] = r;
      }
      if (!sources_[f]) reportLoss(f);
    }
    for (std::size_t r = 0; r < kReplicaCount; ++r) {
      if (!copies_[r].good()) repair(r);
    }
    reportExtras();
    if (result_.losses.empty()) validate();
    findGoodPdf();
    for (std::size_t r = 0; r < kReplicaCount; ++r) result_.replicaGood[r] = copies_[r].good();
    return std::move(result_);
  }

 private:
  ReplicaCopy inspectReplica(std::size_t r) const { return inspect(bag(r), document_.files); }
  std::string bag(std::size_t r) const { return layout_.bagPath(r, document_.id); }
  const std::string& root(std::size_t r) const { return layout_.replicas()[r]; }

  void reportLoss(std::size_t f) {
    std::string message = "no replica holds it as registered:";
    for (std::size_t r = 0; r < kReplicaCount; ++r)
      message += " " + root(r) + ": " + copies_[r].problems[f] + ";";
    message += " restore it from a backup of the archive";
    result_.losses.push_back({document_.id, document_.files[f].path, message});
  }

  void repair(std::size_t r) {
    const ReplicaCopy& damaged = copies_[r];
    try {
      if (!damaged.wholeBagProblem.empty()) {
        // A bag is made visible only complete: without every file there is nothing to put in place.
        if (!result_.losses.empty()) return;
        std::vector<std::pair<std::string, std::string>> files;
        for (std::size_t f = 0; f < document_.files.size(); ++f) {
          files.emplace_back(document_.files[f].path, bag(*sources_[f]) + "/" + document_.files[f].path);
        }
        restoreBag(root(r), bag(r), files, ownerOnly_);
        result_.repairs.push_back({document_.id, root(r), "", damaged.wholeBagProblem, root(*sources_[0])});
      } else {
        for (std::size_t f = 0; f < document_.files.size(); ++f) {
          if (damaged.problems[f].empty() || !sources_[f]) continue;
          const std::string& path = document_.files[f].path;
          restoreFile(bag(*sources_[f]) + "/" + path, bag(r) + "/" + path, ownerOnly_);
          result_.repairs.push_back({document_.id, root(r), path, damaged.problems[f], root(*sources_[f])});
        }
      }
    } catch (const Error& error) {
      result_.issues.push_back({Property::Integrity, Severity::Finding, "archive.repair-failed", document_.id,
                                root(r), "", error.what()});
      return;
    }
    // A copy is only repaired when it is as registered again.
    copies_[r] = inspectReplica(r);
    for (std::size_t f = 0; f < document_.files.size(); ++f) {
      if (!copies_[r].problems[f].empty() && sources_[f]) {
        result_.issues.push_back({Property::Integrity, Severity::Finding, "archive.repair-failed",
                                  document_.id, root(r), document_.files[f].path,
                                  "still " + copies_[r].problems[f] + " after the repair; check the disk"});
      }
    }
  }

  void reportExtras() {
    for (std::size_t r = 0; r < kReplicaCount; ++r) {
      for (const std::string& extra : copies_[r].extras) {
        result_.issues.push_back({Property::Integrity, Severity::Finding, "bag.extra", document_.id, root(r),
                                  extra,
                                  "is in the bag but is none of the files registered for it; move it out "
                                  "of the archive after finding where it came from"});
      }
    }
  }

  // Every file matches the registry; BagIt's own checks then find what the registry cannot: manifests
  // that disagree with the registry (one of them was altered). What lies in a bag besides its files
  // reportExtras() has named already, in every replica.
  void validate() {
    bool validated = false;
    for (std::size_t r = 0; r < kReplicaCount && (deep_ || !validated); ++r) {
      if (!copies_[r].good()) continue;
      validated = true;
      // A good copy's files were all just read, and their digests are the registry's.
      std::map<std::string, FileDigest> read;
      for (const FileRecord& file : document_.files) read[file.path] = {file.sha256, file.size};
      for (const BagProblem& problem : validateBag(bag(r), read)) {
        if (problem.code == "bag.extra") continue;
        const bool unreadable = problem.code == "bag.unreadable";
        result_.issues.push_back(
            {unreadable ? Property::Integrity : Property::Authenticity,
             unreadable ? Severity::Finding : Severity::Failure, problem.code, document_.id, root(r),
             problem.file,
             unreadable
                 ? problem.message + "; move it out of the archive after finding where it came from"
                 : problem.message + ", although every file matches the registry: the registry or the bag "
                                     "was altered"});
      }
    }
  }

  void findGoodPdf() {
    for (std::size_t f = 0; f < document_.files.size(); ++f) {
      if (document_.files[f].sha256 != document_.pdfSha256) continue;
      for (std::size_t r = 0; r < kReplicaCount && !result_.goodPdf; ++r) {
        if (copies_[r].problems[f].empty()) result_.goodPdf = bag(r) + "/" + document_.files[f].path;
      }
    }
  }

  const ArchiveLayout& layout_;
  const DocumentRecord& document_;
  bool ownerOnly_;
  bool deep_;
  std::array<ReplicaCopy, kReplicaCount> copies_;
  std::vector<std::optional<std::size_t>> sources_;
  DocumentFixity result_;
};

}  // namespace

DocumentFixity auditDocumentFixity(const ArchiveLayout& layout, const DocumentRecord& document,
                                   bool ownerOnly, bool deep) {
  return DocumentAudit(layout, document, ownerOnly, deep).run();
}

}  // namespace gongwen::archive
