#pragma once
// How bags become visible, crash-safely. Under the exclusive archive lock (ArchiveLock.h):
//   1. the ingest journal (DIR/ingest-journal) names the archive ids about to be placed, written
//      atomically;
//   2. each bag is written under a temporary name (.ID.ingest) in each replica root, and every root's
//      filesystem flushed (syncfs: all the batch's files and directories at once);
//   3. each is renamed to its id in each root, and the roots are flushed;
//   4. one registry transaction registers the documents with their ingest events (the caller);
//   5. the journal is removed.
// A bag is visible (to find, show, export, audit) only through the registry, which names it only
// once it is complete in all three roots. A process killed anywhere leaves at most: temporaries,
// and bags the journal names that the registry does not; recoverInterruptedIngest() removes both
// (nothing of them was ever registered, so nothing is lost) and the next ingest places them again.

#include <functional>
#include <string>
#include <vector>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/Bag.h"

namespace gongwen::archive {

struct PlacedBag {
  std::string archiveId;
  const BagImage* image = nullptr;
  bool ownerOnly = false;  // a classified document: readable by the archive's owner only
};

// Steps 1-3 for `bags`. Throws Error(System, "archive.write") naming the file; a failure leaves what
// recoverInterruptedIngest() cleans.
void placeBags(const ArchiveLayout& layout, const std::vector<PlacedBag>& bags);

// Step 5.
void finishPlacement(const ArchiveLayout& layout);

// Whether an ingest was interrupted: its journal is still there.
bool ingestWasInterrupted(const ArchiveLayout& layout);

// Removes what an interrupted ingest left. Call with the exclusive lock held (ingest does so before
// placing; a repair should too). `isRegistered` says whether the registry (SQLite or server) holds an
// archive id. Returns the ids whose unregistered bags were removed.
std::vector<std::string> recoverInterruptedIngest(
    const ArchiveLayout& layout, const std::function<bool(const std::string&)>& isRegistered);

}  // namespace gongwen::archive
