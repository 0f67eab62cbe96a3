#pragma once
// The audit's checks of the registry itself, in SQLite or on a server: its schema and append-only
// triggers as created, the event chain unbroken (and its head, where the store keeps one), every registered
// document with its ingest event, and each document's required metadata (DA/T 70 完整性: items present, the
// process recorded, the files a bag must have).

#include <vector>

#include "pipeline/archive/AuditReport.h"
#include "pipeline/archive/RegistryRecords.h"
#include "pipeline/archive/RegistryStore.h"

namespace gongwen::archive {

// Schema, event chain and ingest events; sets report.eventsChecked.
void auditRegistry(const RegistryStore& registry, const std::vector<std::string>& documentIds,
                   AuditReport& report);

// Required metadata of one document.
std::vector<AuditIssue> auditMetadata(const DocumentRecord& document);

}  // namespace gongwen::archive
