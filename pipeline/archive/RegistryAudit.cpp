#include "pipeline/archive/RegistryAudit.h"

#include <algorithm>
#include <set>

#include "pipeline/archive/EventLog.h"

namespace gongwen::archive {

namespace {

using Severity = AuditIssue::Severity;

AuditIssue registryFailure(const std::string& code, const std::string& document, const std::string& message) {
  return {Property::Authenticity, Severity::Failure, code, document, "", "", message};
}

// A dropped trigger lets rows be changed without trace; a changed one may let anything through.
void auditSchema(const RegistryStore& registry, AuditReport& report) {
  for (const SchemaProblem& problem : registry.schemaProblems()) {
    report.issues.push_back(
        registryFailure("archive.registry-schema", "",
                        "the registry's " + problem.type + " " + problem.name + " is " + problem.problem +
                            (problem.type == "trigger" ? ": rows were open to change without trace" : "") +
                            "; find out who changed the registry and compare it with a backup"));
  }
}

void auditEvents(const RegistryStore& registry, const std::vector<std::string>& documentIds,
                 AuditReport& report) {
  // The head file before the log: it is rewritten after each commit, so what it names is in the log
  // read after it.
  const std::optional<EventHeadFile> head = registry.eventHead();
  if (const std::optional<ChainBreak> broken = registry.verifyEvents()) {
    report.issues.push_back(registryFailure(
        "archive.event-chain", "",
        "the event log is broken at event " + std::to_string(broken->sequence) + ": " + broken->problem +
            "; compare the registry with a backup to find what was changed"));
  }
  const std::vector<ArchiveEvent> events = registry.events();
  report.eventsChecked = events.size();
  if (const std::optional<ChainBreak> broken = head ? eventHeadBreak(*head, events) : std::nullopt) {
    report.issues.push_back(
        registryFailure("archive.event-head", "",
                        "the event log's head does not hold: " + broken->problem +
                            "; compare the registry with a backup to find what was changed"));
  }
  std::set<std::string> ingested;
  for (const ArchiveEvent& event : events) {
    if (event.kind == eventKindName(EventKind::Ingest)) ingested.insert(event.documentId);
  }
  // A document without its ingest event shows events deleted wherever they were.
  for (const std::string& id : documentIds) {
    if (ingested.count(id) == 0) {
      report.issues.push_back(registryFailure("archive.event-missing", id,
                                              "the document is registered but its ingest event is not in "
                                              "the log: events were deleted"));
    }
  }
}

}  // namespace

void auditRegistry(const RegistryStore& registry, const std::vector<std::string>& documentIds,
                   AuditReport& report) {
  auditSchema(registry, report);
  auditEvents(registry, documentIds, report);
}

std::vector<AuditIssue> auditMetadata(const DocumentRecord& document) {
  std::vector<AuditIssue> issues;
  const auto missing = [&](const std::string& what) {
    issues.push_back({Property::Integrity, Severity::Finding, "archive.metadata-missing", document.id, "", "",
                      "the registry has no " + what + " for it; DA/T 46 requires it"});
  };
  if (document.title.empty()) missing("题名 (title)");
  if (document.organ.empty()) missing("责任者 (issuing organ)");
  if (document.date.empty()) missing("日期 (date)");
  if (document.kind.empty()) missing("文种 (kind)");
  if (!document.incoming && document.signatures.empty())
    missing("签发 record (signatures: the process of issue)");
  if (document.incoming && !document.incomingEntry) missing("收文登记 entry");
  for (const char* required :
       {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
    const bool listed = std::any_of(document.files.begin(), document.files.end(),
                                    [&](const FileRecord& file) { return file.path == required; });
    if (!listed) missing(std::string("file ") + required + " of its bag");
  }
  const bool pdfListed =
      std::any_of(document.files.begin(), document.files.end(), [&](const FileRecord& file) {
        return file.sha256 == document.pdfSha256 && file.path.rfind("data/", 0) == 0;
      });
  if (!pdfListed) {
    issues.push_back(
        {Property::Authenticity, Severity::Failure, "archive.registry-mismatch", document.id, "", "",
         "the registry's SHA-256 of the signed PDF is not that of any file of its bag: the registry "
         "was altered"});
  }
  return issues;
}

}  // namespace gongwen::archive
