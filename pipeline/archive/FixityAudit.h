#pragma once
// The fixity part of the audit, one document at a time: every file the registry lists for it is
// hashed in every replica and compared with the registry; a damaged or missing file, bag or bag
// tree is put back from a replica that holds it as registered (ReplicaRepair.h); what no replica
// holds is a loss, never "repaired". What lies in any replica's bag besides its registered files is
// named (bag.extra), found by listing the bag's directories. Then the bag is validated as BagIt
// against its own manifests: in the first replica whose files all match the registry (the others'
// are the same bytes), or with `deep` in every replica.

#include <optional>
#include <string>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/AuditReport.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

struct DocumentFixity {
  std::vector<Repair> repairs;
  std::vector<Loss> losses;
  std::vector<AuditIssue> issues;
  std::array<bool, kReplicaCount> replicaGood{};  // every file as registered, after the repairs
  // A copy of the signed PDF that matches the registry (the original's when it does), for the
  // usability and signature checks; nullopt when none is left.
  std::optional<std::string> goodPdf;
};

// `ownerOnly`: the document is classified, and so are the files restored for it. Replica roots are
// present (the audit restores a missing root before the documents). Repairs the caller records.
DocumentFixity auditDocumentFixity(const ArchiveLayout& layout, const DocumentRecord& document,
                                   bool ownerOnly, bool deep);

}  // namespace gongwen::archive
