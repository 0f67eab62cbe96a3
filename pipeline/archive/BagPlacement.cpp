#include "pipeline/archive/BagPlacement.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <sstream>
#include <thread>

#include "pipeline/archive/ArchiveId.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/KillPoint.h"

namespace fs = std::filesystem;

namespace gongwen::archive {

namespace {

const char* const kTemporarySuffix = ".ingest";

std::string journalPath(const ArchiveLayout& layout) {
  return (fs::path(layout.dir()) / "ingest-journal").string();
}

std::string temporaryPath(const std::string& root, const std::string& id) {
  return (fs::path(root) / ("." + id + kTemporarySuffix)).string();
}

bool isTemporaryName(const std::string& name) {
  const std::string suffix = kTemporarySuffix;
  return name.size() > suffix.size() + 1 && name[0] == '.' &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
         isArchiveId(name.substr(1, name.size() - 1 - suffix.size()));
}

void removeTree(const std::string& path) {
  std::error_code failed;
  fs::remove_all(path, failed);
  if (failed)
    throw systemError("archive.write",
                      path + ": cannot remove what an interrupted ingest left: " + failed.message());
}

}  // namespace

void placeBags(const ArchiveLayout& layout, const std::vector<PlacedBag>& bags) {
  std::string journal;
  for (const PlacedBag& bag : bags) journal += bag.archiveId + "\n";
  WriteOptions own;
  own.replacesInput = true;
  writeFileAtomically(journalPath(layout), journal, own);
  killPointForTests("archive-journal-written");
  // The roots may be separate disks, and creating files is most of the kernel's work here: one
  // thread a root. Every bag of the batch is on disk in every root before any is renamed into place.
  std::exception_ptr failures[kReplicaCount];
  std::vector<std::thread> writers;
  for (std::size_t r = 0; r < kReplicaCount; ++r) {
    writers.emplace_back([&, r] {
      try {
        for (const PlacedBag& bag : bags) {
          writeBagImage(*bag.image, temporaryPath(layout.replicas()[r], bag.archiveId), bag.ownerOnly);
          killPointForTests("archive-bag-written");
        }
        syncFilesystem(layout.replicas()[r]);
      } catch (...) {
        failures[r] = std::current_exception();
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  killPointForTests("archive-bags-flushed");
  for (std::size_t r = 0; r < kReplicaCount; ++r) {
    const std::string& root = layout.replicas()[r];
    for (const PlacedBag& bag : bags) {
      const std::string final = layout.bagPath(r, bag.archiveId);
      if (std::rename(temporaryPath(root, bag.archiveId).c_str(), final.c_str()) != 0)
        throw systemError("archive.write",
                          final + ": cannot move the finished bag into place: " + std::strerror(errno));
      killPointForTests("archive-bag-renamed");
    }
    syncDirectory(root);
  }
}

void finishPlacement(const ArchiveLayout& layout) {
  std::error_code ignored;
  fs::remove(journalPath(layout), ignored);
  syncDirectory(layout.dir());
}

bool ingestWasInterrupted(const ArchiveLayout& layout) {
  std::error_code absent;
  return fs::exists(journalPath(layout), absent);
}

std::vector<std::string> recoverInterruptedIngest(
    const ArchiveLayout& layout, const std::function<bool(const std::string&)>& isRegistered) {
  std::vector<std::string> removed;
  const bool interrupted = ingestWasInterrupted(layout);
  if (interrupted) {
    std::istringstream ids(readInput(journalPath(layout), InputKind::Text));
    std::string id;
    while (std::getline(ids, id)) {
      // The journal is read back, not trusted: only an id's own bag is ever removed.
      if (!isArchiveId(id) || isRegistered(id)) continue;
      for (std::size_t r = 0; r < kReplicaCount; ++r) removeTree(layout.bagPath(r, id));
      removed.push_back(id);
    }
  }
  for (const std::string& root : layout.replicas()) {
    std::error_code unreadable;
    for (fs::directory_iterator it(root, unreadable), end; !unreadable && it != end;
         it.increment(unreadable)) {
      if (isTemporaryName(it->path().filename().string())) removeTree(it->path().string());
    }
    if (interrupted) syncDirectory(root);
  }
  if (interrupted) finishPlacement(layout);
  return removed;
}

}  // namespace gongwen::archive
