#pragma once
// `archive export`: the archived PDF byte for byte, from the first replica whose bag passes a fixity
// check (the bag valid, every file as the registry recorded it); a damaged replica is skipped and
// named, never exported from.

#include <string>
#include <vector>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

struct SkippedReplica {
  std::size_t replica = 0;
  std::vector<BagProblem> problems;
};

struct CheckedCopy {
  std::string pdf;
  std::size_t replica = 0;              // where it was read: 0 original, 1 copy-1, 2 copy-2
  std::vector<SkippedReplica> skipped;  // the replicas before it that failed the check
};

// Throws Error(SignatureInvalid, "archive.no-good-copy") naming each replica's first problem when no
// replica holds a good copy (exit 5, as an audit reports a loss).
CheckedCopy readCheckedCopy(const ArchiveLayout& layout, const DocumentRecord& document);

// Refuses (Error(System, "io.output-is-input"), as AtomicFile.h refuses outputs over inputs) an
// output that lies inside DIR or a replica root: an export may never replace the registry or a bag.
void refuseOutputInsideArchive(const std::string& output, const ArchiveLayout& layout);

}  // namespace gongwen::archive
