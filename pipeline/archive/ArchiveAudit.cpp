#include "pipeline/archive/ArchiveAudit.h"

#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveLock.h"
#include "pipeline/archive/BagPlacement.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/FileModes.h"
#include "pipeline/archive/FixityAudit.h"
#include "pipeline/archive/ParallelEach.h"
#include "pipeline/archive/RegistryAudit.h"
#include "pipeline/archive/RegistryStore.h"
#include "pipeline/archive/ReplicaRepair.h"
#include "pipeline/archive/SignatureAudit.h"
#include "pipeline/archive/UsabilityProbe.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::archive {

namespace {

namespace fs = std::filesystem;
using Severity = AuditIssue::Severity;

std::string repairsJson(const std::vector<Repair>& repairs) {
  std::string json = "{\"repairs\":[";
  for (std::size_t i = 0; i < repairs.size(); ++i) {
    json += std::string(i ? "," : "") + "{\"replica\":" + jsonString(repairs[i].replica) +
            ",\"path\":" + jsonString(repairs[i].path) + ",\"problem\":" + jsonString(repairs[i].problem) +
            ",\"source\":" + jsonString(repairs[i].source) + "}";
  }
  return json + "]}";
}

std::string lossesJson(const std::vector<Loss>& losses) {
  std::string json = "{\"lost\":[";
  for (std::size_t i = 0; i < losses.size(); ++i) {
    json += std::string(i ? "," : "") + "{\"path\":" + jsonString(losses[i].path) +
            ",\"message\":" + jsonString(losses[i].message) + "}";
  }
  return json + "]}";
}

std::string numberText(const NumberingFinding& finding, long long number) {
  return finding.organCode + "〔" + std::to_string(finding.year) + "〕" + std::to_string(number) + "号";
}

// A document timestamp is renewed before its authority's certificate expires; the audit says so a
// year ahead, time enough for an archivist to run `gongwen ltv` over what needs it.
constexpr std::time_t kTimestampRenewalNotice = 365L * 24 * 3600;

// What one document's examination found; independent of every other document's.
struct DocumentOutcome {
  DocumentFixity fixity;
  std::vector<UsabilityProblem> usability;
  SignatureAudit signatures;
};

DocumentOutcome examine(const ArchiveLayout& layout, const DocumentRecord& document,
                        const AuditOptions& options) {
  DocumentOutcome outcome;
  outcome.fixity = auditDocumentFixity(layout, document, !document.classification.empty(), options.deep);
  if (!outcome.fixity.goodPdf) return outcome;
  outcome.usability = probeUsability(*outcome.fixity.goodPdf, options.deep);
  if (options.policy != nullptr)
    outcome.signatures = auditSignatures(document, *outcome.fixity.goodPdf, *options.policy, options.now);
  return outcome;
}

class Audit {
 public:
  Audit(const ArchiveLayout& layout, const AuditOptions& options, RegistryStore& registry)
      : layout_(layout), options_(options), registry_(registry) {
    report_.archive = layout.dir();
    report_.deep = options.deep;
    report_.signaturesChecked = options.policy != nullptr;
    for (std::size_t r = 0; r < kReplicaCount; ++r) report_.replicas[r].root = layout.replicas()[r];
  }

  AuditReport run() {
    const std::vector<std::string> ids = registry_.documentIds();
    report_.documents = ids.size();
    // The chain is checked before this run adds its own events to it.
    auditRegistry(registry_, ids, report_);
    // An ingest that died leaves bags it never registered; under this lock they are its leftovers.
    for (const std::string& id :
         recoverInterruptedIngest(layout_, [&](const std::string& id) { return registry_.contains(id); })) {
      report_.issues.push_back(
          {Property::Integrity, Severity::Note, "archive.ingest-interrupted", id, "", "",
           "an interrupted ingest left this unregistered bag; removed (ingest it again)"});
    }
    auditRoots(std::set<std::string>(ids.begin(), ids.end()));
    std::vector<DocumentRecord> documents;
    for (const std::string& id : ids) {
      if (std::optional<DocumentRecord> document = registry_.document(id))
        documents.push_back(std::move(*document));
    }
    std::vector<DocumentOutcome> outcomes(documents.size());
    forEachInParallel(documents.size(),
                      [&](std::size_t i) { outcomes[i] = examine(layout_, documents[i], options_); });
    std::vector<NumberedDocument> numbered;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      addDocument(documents[i], outcomes[i]);
      if (!documents[i].incoming && !documents[i].number.empty())
        numbered.push_back({documents[i].id, documents[i].number});
    }
    auditNumbering(numbered);
    auditSecurity();
    record(EventKind::Audit, "", auditJson());
    return std::move(report_);
  }

 private:
  // A missing root is made again before the bags are put back into it; what lies in a root and is
  // not a registered document's bag is named.
  void auditRoots(const std::set<std::string>& ids) {
    for (const std::string& root : layout_.replicas()) {
      std::error_code error;
      if (!fs::exists(root, error)) {
        try {
          restoreRoot(root);
          report_.repairs.push_back({"", root, "", "the replica root was missing; made again", ""});
        } catch (const Error& failed) {
          report_.issues.push_back(
              {Property::Integrity, Severity::Finding, "archive.repair-failed", "", root, "", failed.what()});
        }
        continue;
      }
      for (const fs::directory_entry& entry : fs::directory_iterator(root, error)) {
        const std::string name = entry.path().filename().string();
        if (isRepairLeftover(name)) {
          fs::remove_all(entry.path(), error);
        } else if (name[0] != '.' && ids.count(name) == 0) {
          report_.issues.push_back({Property::Integrity, Severity::Finding, "archive.unregistered-bag", "",
                                    root, name,
                                    "is in the replica but not in the registry; ingest it, or move it out of "
                                    "the archive after finding where it came from"});
        }
      }
    }
  }

  void addDocument(const DocumentRecord& document, const DocumentOutcome& outcome) {
    const DocumentFixity& fixity = outcome.fixity;
    unsigned long long bytes = 0;
    for (const FileRecord& file : document.files) bytes += file.size;
    report_.files += document.files.size();
    report_.bytes += bytes;
    for (std::size_t r = 0; r < kReplicaCount; ++r) {
      if (!fixity.replicaGood[r]) continue;
      ++report_.replicas[r].bags;
      report_.replicas[r].files += document.files.size();
      report_.replicas[r].bytes += bytes;
    }
    if (!fixity.repairs.empty()) record(EventKind::Repair, document.id, repairsJson(fixity.repairs));
    if (!fixity.losses.empty()) record(EventKind::Loss, document.id, lossesJson(fixity.losses));
    report_.repairs.insert(report_.repairs.end(), fixity.repairs.begin(), fixity.repairs.end());
    report_.losses.insert(report_.losses.end(), fixity.losses.begin(), fixity.losses.end());
    report_.issues.insert(report_.issues.end(), fixity.issues.begin(), fixity.issues.end());
    for (AuditIssue& issue : auditMetadata(document)) report_.issues.push_back(std::move(issue));
    if (!document.classification.empty()) classified_.emplace_back(document.id, document.classification);
    if (!fixity.goodPdf) return;
    ++report_.pdfsProbed;
    for (const UsabilityProblem& problem : outcome.usability) {
      report_.issues.push_back({Property::Usability, Severity::Finding, problem.code, document.id, "",
                                *fixity.goodPdf, problem.message});
    }
    if (!report_.signaturesChecked) return;
    if (outcome.signatures.problem) {
      report_.issues.push_back({Property::Authenticity, Severity::Failure, "archive.signature-invalid",
                                document.id, "", *fixity.goodPdf, *outcome.signatures.problem});
    } else {
      ++report_.signaturesVerified;
    }
    const std::time_t expires = outcome.signatures.newestTimestampExpires;
    const std::time_t now = options_.now != 0 ? options_.now : std::time(nullptr);
    if (expires != 0 && expires - now < kTimestampRenewalNotice) {
      report_.issues.push_back({Property::Authenticity, Severity::Finding, "archive.timestamp-renewal-due",
                                document.id, "", *fixity.goodPdf,
                                "the authority certificate of its newest document timestamp expires at " +
                                    formatUtcTime(expires) +
                                    ": renew it with `gongwen ltv` before then, or the document can no "
                                    "longer be proven"});
    }
  }

  void auditNumbering(const std::vector<NumberedDocument>& numbered) {
    report_.numbering = checkNumbering(numbered);
    for (const NumberingFinding& finding : report_.numbering.findings) {
      switch (finding.kind) {
        case NumberingFinding::Kind::Gap:
          report_.issues.push_back(
              {Property::Integrity, Severity::Note, "archive.number-gap", "", "", "",
               numberText(finding, finding.first) +
                   (finding.last > finding.first ? " to " + numberText(finding, finding.last)
                                                 : std::string()) +
                   " not in the archive: withdrawn, not yet archived, or lost before archiving; note why in "
                   "the 备考表"});
          break;
        case NumberingFinding::Kind::Duplicate:
          for (const std::string& id : finding.ids) {
            report_.issues.push_back({Property::Integrity, Severity::Finding, "archive.number-duplicate", id,
                                      "", "",
                                      numberText(finding, finding.first) + " is registered for " +
                                          std::to_string(finding.ids.size()) + " documents"});
          }
          break;
        case NumberingFinding::Kind::Unreadable:
          report_.issues.push_back({Property::Integrity, Severity::Note, "archive.number-unreadable",
                                    finding.ids.front(), "", "",
                                    "发文字号 \"" + finding.number + "\" is not 机关代字〔年份〕序号号"});
          break;
      }
    }
  }

  // World-writable entries lose the write bit and classified bags become owner-only, as repairs. A
  // link, FIFO or device is named, never touched.
  void auditSecurity() {
    std::vector<ModeFinding> findings;
    for (const std::string& path : {layout_.registryPath(), layout_.configPath()}) {
      for (ModeFinding& finding : checkFileModes(path, false)) findings.push_back(std::move(finding));
    }
    for (const std::string& root : layout_.replicas()) {
      for (ModeFinding& finding : checkFileModes(root, false)) findings.push_back(std::move(finding));
    }
    std::vector<Repair> repairs;
    for (const ModeFinding& finding : findings) {
      struct stat entry {};
      if (finding.code == "archive.world-writable" && ::lstat(finding.path.c_str(), &entry) == 0 &&
          ::chmod(finding.path.c_str(), entry.st_mode & 07777 & ~S_IWOTH) == 0) {
        repairs.push_back({"", "", finding.path, finding.message, ""});
      } else {
        report_.issues.push_back(
            {Property::Security, Severity::Finding, finding.code, "", "", finding.path, finding.message});
      }
    }
    for (const auto& [id, classification] : classified_) {
      for (std::size_t r = 0; r < kReplicaCount; ++r) {
        if (std::optional<Repair> repair = makeOwnerOnly(id, classification, r)) repairs.push_back(*repair);
      }
    }
    if (!repairs.empty()) record(EventKind::Repair, "", repairsJson(repairs));
    report_.repairs.insert(report_.repairs.end(), repairs.begin(), repairs.end());
  }

  // One repair per bag: what others could read of a classified document is closed to them.
  std::optional<Repair> makeOwnerOnly(const std::string& id, const std::string& classification,
                                      std::size_t r) {
    std::size_t opened = 0;
    for (const ModeFinding& finding : checkFileModes(layout_.bagPath(r, id), true)) {
      struct stat entry {};
      if (finding.code != "archive.not-owner-only") continue;
      if (::lstat(finding.path.c_str(), &entry) != 0 ||
          ::chmod(finding.path.c_str(), entry.st_mode & 07700) != 0) {
        report_.issues.push_back(
            {Property::Security, Severity::Finding, finding.code, id, "", finding.path, finding.message});
        continue;
      }
      ++opened;
    }
    if (opened == 0) return std::nullopt;
    return Repair{id, layout_.replicas()[r], "",
                  std::to_string(opened) +
                      " entries of the bag were open to others although the document is " + classification +
                      "; made owner-only",
                  ""};
  }

  std::string auditJson() const {
    std::size_t failures = 0, findings = 0;
    for (const AuditIssue& issue : report_.issues) {
      failures += issue.severity == Severity::Failure;
      findings += issue.severity == Severity::Finding;
    }
    return "{\"documents\":" + std::to_string(report_.documents) +
           ",\"deep\":" + (report_.deep ? "true" : "false") +
           ",\"signaturesChecked\":" + (report_.signaturesChecked ? "true" : "false") +
           ",\"repairs\":" + std::to_string(report_.repairs.size()) +
           ",\"losses\":" + std::to_string(report_.losses.size()) +
           ",\"failures\":" + std::to_string(failures) + ",\"findings\":" + std::to_string(findings) +
           ",\"exitCode\":" + std::to_string(report_.exitCode()) + "}";
  }

  void record(EventKind kind, const std::string& documentId, const std::string& detail) {
    registry_.appendEvent(kind, documentId, detail, options_.now);
  }

  const ArchiveLayout& layout_;
  const AuditOptions& options_;
  RegistryStore& registry_;
  AuditReport report_;
  std::vector<std::pair<std::string, std::string>> classified_;  // id, 密级
};

}  // namespace

AuditReport auditArchive(const std::string& dir, const AuditOptions& options) {
  const ArchiveLayout layout = openArchive(dir);
  const ArchiveLock lock(layout.lockPath(), ArchiveLock::Mode::Exclusive);
  const std::unique_ptr<RegistryStore> registry =
      openArchiveRegistry(layout, options.registry, RegistryAccess::Existing);
  return Audit(layout, options, *registry).run();
}

}  // namespace gongwen::archive
