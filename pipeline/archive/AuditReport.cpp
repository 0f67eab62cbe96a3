#include "pipeline/archive/AuditReport.h"

#include <algorithm>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

struct PropertyNames {
  const char* name;
  const char* key;
};

// In the order of the enum.
constexpr PropertyNames kNames[] = {
    {"真实性", "authenticity"}, {"完整性", "integrity"}, {"可用性", "usability"}, {"安全性", "security"}};

}  // namespace

const char* propertyName(Property property) { return kNames[static_cast<int>(property)].name; }
const char* propertyKey(Property property) { return kNames[static_cast<int>(property)].key; }

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
