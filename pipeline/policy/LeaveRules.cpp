// Leave (请假) by kind, days and the applicant's role (DOMAIN.md): the policy's rules, first match wins.

#include <algorithm>
#include <sstream>

#include "pipeline/core/Error.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::policy {

namespace {

bool matches(const LeaveRule& rule, const LeaveRequest& request, const Person& applicant) {
  bool kind =
      rule.kinds.empty() || std::find(rule.kinds.begin(), rule.kinds.end(), request.kind) != rule.kinds.end();
  bool role =
      rule.applicantRoles.empty() || std::any_of(rule.applicantRoles.begin(), rule.applicantRoles.end(),
                                                 [&](const std::string& r) { return applicant.hasRole(r); });
  bool upTo = !rule.maxDays || request.days <= *rule.maxDays;
  bool over = !rule.moreThanDays || request.days > *rule.moreThanDays;
  return kind && role && upTo && over;
}

}  // namespace

const Chain& leaveChainFor(const Policy& policy, const LeaveRequest& request) {
  if (!(request.days > 0)) {
    std::ostringstream days;
    days << request.days;
    throw inputError("policy.leave-days", "a leave request must be for more than 0 days, not " + days.str());
  }
  const Person* applicant = policy.findPerson(request.applicantId);
  if (applicant == nullptr) {
    throw policyError("policy.unknown-person", "rule unknown-person: leave applicant '" +
                                                   request.applicantId + "' is not a person of the policy " +
                                                   policy.sourceFile);
  }
  for (const LeaveRule& rule : policy.leaveRules) {
    if (matches(rule, request, *applicant)) {
      return *policy.findChain(rule.chain);
    }
  }
  std::ostringstream message;
  message << "rule leave-no-rule: no leave rule of " << policy.sourceFile << " covers " << request.kind
          << " for " << request.days << " days by " << applicant->name << "; add a <rule> to <leave>";
  throw policyError("policy.leave-no-rule", message.str());
}

}  // namespace gongwen::policy
