#include "pipeline/archive/AuditReport.h"

#include <algorithm>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

const char* propertyName(Property property) {
  switch (property) {
    case Property::Authenticity:
      return "真实性";
    case Property::Integrity:
      return "完整性";
    case Property::Usability:
      return "可用性";
    case Property::Security:
      return "安全性";
  }
  return "";
}

const char* propertyKey(Property property) {
  switch (property) {
    case Property::Authenticity:
      return "authenticity";
    case Property::Integrity:
      return "integrity";
    case Property::Usability:
      return "usability";
    case Property::Security:
      return "security";
  }
  return "";
}

bool AuditReport::has(AuditIssue::Severity severity) const {
  return std::any_of(issues.begin(), issues.end(),
                     [severity](const AuditIssue& issue) { return issue.severity == severity; });
}

int AuditReport::exitCode() const {
  if (!losses.empty() || has(AuditIssue::Severity::Failure))
    return static_cast<int>(ExitCode::SignatureInvalid);
  if (has(AuditIssue::Severity::Finding)) return static_cast<int>(ExitCode::Findings);
  return static_cast<int>(ExitCode::Ok);
}

}  // namespace gongwen::archive
