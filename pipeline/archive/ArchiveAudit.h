#pragma once
// `gongwen archive audit`: the whole archive checked and, where a good replica allows, repaired —
// fixity of every file of every replica (FixityAudit.h), the registry's schema and event chain,
// required metadata, the 发文字号 sequences, each PDF's usability in Poppler, file modes, and (with a
// policy) every signature re-verified. Repairs and losses are recorded as events, and the run as one
// audit event. Holds the archive's exclusive lock: ingest waits while the replicas are put right.

#include <ctime>
#include <string>

#include "pipeline/archive/AuditReport.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::archive {

struct AuditOptions {
  bool deep = false;                       // also render every page of every PDF
  const policy::Policy* policy = nullptr;  // re-verify every signature against it
  std::time_t now = 0;                     // the time events carry
  std::string registry;                    // a postgresql:// URL; '' for DIR/registry.sqlite
};

// Throws Error(InputInvalid, "archive.missing") for a DIR with no archive, Error(SignatureInvalid,
// "archive.registry-missing") when the registry is gone, Error(System, …) when it cannot be read
// (or the server not reached).
AuditReport auditArchive(const std::string& dir, const AuditOptions& options);

}  // namespace gongwen::archive
