#pragma once
// What `archive audit` found, repaired and lost, arranged as the DA/T 70 四性 report (GBT9704.md
// C.6): 真实性 (authenticity), 完整性 (integrity), 可用性 (usability), 安全性 (security).
//
// Other parts may rely on: exitCode() — 0 all is well or was repaired; 5 anything is lost, an event
// or registry row was altered, or a signature no longer verifies; 1 problems the audit can neither
// repair nor call a loss (a PDF Poppler cannot use, a file mode, missing metadata, a file no manifest
// lists, a replica it could not write).

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/NumberSequence.h"

namespace gongwen::archive {

enum class Property { Authenticity, Integrity, Usability, Security };
const char* propertyName(Property property);  // 真实性 …
const char* propertyKey(Property property);   // authenticity … (JSON)

struct AuditIssue {
  enum class Severity {
    Note,     // for the archivist to explain (a 发文字号 not archived); changes no exit code
    Finding,  // exit 1
    Failure,  // exit 5: altered or lost
  };
  Property property = Property::Authenticity;
  Severity severity = Severity::Finding;
  std::string code;      // archive.* or bag.*
  std::string document;  // archive id, '' for the archive as a whole
  std::string replica;   // replica root, '' when not about one replica
  std::string path;      // relative to the bag root, or the file named
  std::string message;
};

// One thing put right from a good replica: a file, a whole bag (path ''), or a file mode.
struct Repair {
  std::string document;
  std::string replica;  // the replica root repaired
  std::string path;     // '' for the whole bag
  std::string problem;  // what was wrong
  std::string source;   // the replica root the good copy came from; '' for a mode repair
};

// A file of a document that no replica holds as the registry recorded it.
struct Loss {
  std::string document;
  std::string path;
  std::string message;
};

struct ReplicaTotals {
  std::string root;
  std::size_t bags = 0;
  std::size_t files = 0;
  unsigned long long bytes = 0;
};

struct AuditReport {
  std::string archive;
  bool deep = false;
  std::size_t documents = 0;  // in the registry
  std::size_t files = 0;      // registered files per replica
  unsigned long long bytes = 0;
  std::array<ReplicaTotals, 3> replicas;
  std::size_t eventsChecked = 0;
  std::size_t pdfsProbed = 0;
  bool signaturesChecked = false;  // a policy was given
  std::size_t signaturesVerified = 0;
  NumberingReport numbering;
  std::vector<Repair> repairs;
  std::vector<Loss> losses;
  std::vector<AuditIssue> issues;

  bool has(AuditIssue::Severity severity) const;
  int exitCode() const;
};

// The report as text (one line per repair, loss and issue, then a line per property and the result)
// or as one JSON object.
std::string formatAuditText(const AuditReport& report);
std::string formatAuditJson(const AuditReport& report);

}  // namespace gongwen::archive
