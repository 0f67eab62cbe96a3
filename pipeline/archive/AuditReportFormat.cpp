// The audit report as text for the archivist and as JSON for tools (`archive audit --format json`).

#include <sstream>

#include "pipeline/archive/AuditReport.h"
#include "pipeline/core/JsonText.h"

namespace gongwen::archive {

namespace {

constexpr Property kProperties[] = {Property::Authenticity, Property::Integrity, Property::Usability,
                                    Property::Security};

const char* severityName(AuditIssue::Severity severity) {
  switch (severity) {
    case AuditIssue::Severity::Note:
      return "note";
    case AuditIssue::Severity::Finding:
      return "error";
    case AuditIssue::Severity::Failure:
      return "failure";
  }
  return "";
}

// A property holds when no finding or failure is against it; a loss is against 完整性.
bool holds(const AuditReport& report, Property property) {
  if (property == Property::Integrity && !report.losses.empty()) return false;
  for (const AuditIssue& issue : report.issues) {
    if (issue.property == property && issue.severity != AuditIssue::Severity::Note) return false;
  }
  return true;
}

std::string megabytes(unsigned long long bytes) {
  std::ostringstream text;
  text.precision(1);
  text << std::fixed << static_cast<double>(bytes) / 1e6 << " MB";
  return text.str();
}

std::string where(const std::string& document, const std::string& replica, const std::string& path) {
  std::string text;
  for (const std::string* part : {&document, &replica, &path}) {
    if (!part->empty()) text += (text.empty() ? "" : " ") + *part;
  }
  return text;
}

std::string summary(const AuditReport& report, Property property) {
  std::ostringstream text;
  switch (property) {
    case Property::Authenticity:
      text << report.files << " files of each of " << report.replicas.size()
           << " replicas hashed against the registry and the bags' manifests; " << report.eventsChecked
           << " events checked in their hash chain; signatures "
           << (report.signaturesChecked ? std::to_string(report.signaturesVerified) + " re-verified"
                                        : std::string("not re-verified (give --policy)"));
      break;
    case Property::Integrity:
      text << report.documents << " documents, " << report.files << " files, " << megabytes(report.bytes)
           << " registered; required metadata and 发文字号 sequences (" << report.numbering.sequences.size()
           << ") checked";
      break;
    case Property::Usability:
      text << report.pdfsProbed << " PDFs opened in Poppler: not encrypted, fonts embedded"
           << (report.deep ? ", every page rendered" : " (--deep also renders every page)");
      break;
    case Property::Security:
      text << "file modes of every replica: nothing world-writable, classified bags owner-only, no links";
      break;
  }
  return text.str();
}

std::string result(const AuditReport& report) {
  const std::string repaired =
      report.repairs.empty() ? "" : " (" + std::to_string(report.repairs.size()) + " repaired)";
  switch (report.exitCode()) {
    case 0:
      return "all is well" + repaired;
    case 1:
      return "problems to attend to" + repaired;
    default:
      return std::string("FAILED: ") + (report.losses.empty() ? "" : "documents lost, ") +
             "see the failures above" + repaired;
  }
}

}  // namespace

std::string formatAuditText(const AuditReport& report) {
  std::ostringstream out;
  out << "archive " << report.archive << ": " << report.documents << " documents in "
      << report.replicas.size() << " replicas\n";
  for (const ReplicaTotals& replica : report.replicas) {
    out << "  " << replica.root << ": " << replica.bags << " bags, " << replica.files << " files, "
        << megabytes(replica.bytes) << " as registered\n";
  }
  for (const Repair& repair : report.repairs) {
    const char* whole = repair.document.empty() ? "(the replica root)" : "(the whole bag)";
    out << "repaired " << where(repair.document, repair.replica, repair.path.empty() ? whole : repair.path)
        << ": " << repair.problem << (repair.source.empty() ? "" : "; copied from " + repair.source) << "\n";
  }
  for (const Loss& loss : report.losses) {
    out << "LOST " << where(loss.document, "", loss.path) << ": " << loss.message << "\n";
  }
  for (const AuditIssue& issue : report.issues) {
    out << severityName(issue.severity) << "[" << issue.code << "] " << propertyName(issue.property) << " "
        << where(issue.document, issue.replica, issue.path)
        << (issue.document.empty() && issue.replica.empty() && issue.path.empty() ? "" : ": ")
        << issue.message << "\n";
  }
  for (const Property property : kProperties) {
    out << propertyName(property) << " (" << propertyKey(property)
        << "): " << (holds(report, property) ? "ok" : "NOT OK") << " — " << summary(report, property) << "\n";
  }
  out << "result: " << result(report) << "\n";
  return out.str();
}

std::string formatAuditJson(const AuditReport& report) {
  std::ostringstream out;
  out << "{\"archive\":" << jsonString(report.archive) << ",\"deep\":" << (report.deep ? "true" : "false")
      << ",\"documents\":" << report.documents << ",\"files\":" << report.files
      << ",\"bytes\":" << report.bytes << ",\"replicas\":[";
  for (std::size_t r = 0; r < report.replicas.size(); ++r) {
    const ReplicaTotals& replica = report.replicas[r];
    out << (r ? "," : "") << "{\"root\":" << jsonString(replica.root) << ",\"bags\":" << replica.bags
        << ",\"files\":" << replica.files << ",\"bytes\":" << replica.bytes << "}";
  }
  out << "],\"events\":" << report.eventsChecked << ",\"pdfsProbed\":" << report.pdfsProbed
      << ",\"signatures\":{\"checked\":" << (report.signaturesChecked ? "true" : "false")
      << ",\"verified\":" << report.signaturesVerified << "},\"numbering\":[";
  for (std::size_t i = 0; i < report.numbering.sequences.size(); ++i) {
    const NumberSequence& sequence = report.numbering.sequences[i];
    out << (i ? "," : "") << "{\"organCode\":" << jsonString(sequence.organCode)
        << ",\"year\":" << sequence.year << ",\"documents\":" << sequence.documents
        << ",\"lowest\":" << sequence.lowest << ",\"highest\":" << sequence.highest << "}";
  }
  out << "],\"repairs\":[";
  for (std::size_t i = 0; i < report.repairs.size(); ++i) {
    const Repair& repair = report.repairs[i];
    out << (i ? "," : "") << "{\"document\":" << jsonString(repair.document)
        << ",\"replica\":" << jsonString(repair.replica) << ",\"path\":" << jsonString(repair.path)
        << ",\"problem\":" << jsonString(repair.problem) << ",\"source\":" << jsonString(repair.source)
        << "}";
  }
  out << "],\"losses\":[";
  for (std::size_t i = 0; i < report.losses.size(); ++i) {
    const Loss& loss = report.losses[i];
    out << (i ? "," : "") << "{\"document\":" << jsonString(loss.document)
        << ",\"path\":" << jsonString(loss.path) << ",\"message\":" << jsonString(loss.message) << "}";
  }
  out << "],\"issues\":[";
  for (std::size_t i = 0; i < report.issues.size(); ++i) {
    const AuditIssue& issue = report.issues[i];
    out << (i ? "," : "") << "{\"property\":" << jsonString(propertyKey(issue.property))
        << ",\"severity\":" << jsonString(severityName(issue.severity))
        << ",\"code\":" << jsonString(issue.code) << ",\"document\":" << jsonString(issue.document)
        << ",\"replica\":" << jsonString(issue.replica) << ",\"path\":" << jsonString(issue.path)
        << ",\"message\":" << jsonString(issue.message) << "}";
  }
  out << "],\"properties\":{";
  for (const Property property : kProperties) {
    out << (property == Property::Authenticity ? "" : ",") << jsonString(propertyKey(property)) << ":"
        << (holds(report, property) ? "true" : "false");
  }
  out << "},\"exitCode\":" << report.exitCode() << "}\n";
  return out.str();
}

}  // namespace gongwen::archive
