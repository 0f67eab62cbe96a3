#pragma once
// The audit's checks of the registry itself: its schema and append-only triggers as created, the
// event chain unbroken, every registered document with its ingest event, and each document's
// required metadata (DA/T 70 完整性: items present, the process recorded, the files a bag must have).

#include <vector>

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/AuditReport.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

// Schema, event chain and ingest events; sets report.eventsChecked.
void auditRegistry(const ArchiveRegistry& registry, const std::vector<std::string>& documentIds,
                   AuditReport& report);

// Required metadata of one document.
std::vector<AuditIssue> auditMetadata(const DocumentRecord& document);

}  // namespace gongwen::archive
