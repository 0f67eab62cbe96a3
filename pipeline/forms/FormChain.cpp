#include "pipeline/forms/FormChain.h"

#include <algorithm>

#include "pipeline/core/Error.h"

namespace gongwen::forms {
namespace {

// The slip prints who asks; the policy decides by who that is. They must be the same person.
void checkApplicant(const policy::Policy& policy, const model::LeaveRequest& leave) {
  const policy::Person* person = policy.findPerson(leave.applicantId.value);
  if (person == nullptr) return;  // leaveChainFor refuses an unknown applicant, naming the rule
  auto mismatch = [&](const model::Text& text, const std::string& what, const std::string& policys) {
    throw inputError("leave.applicant", text.where.describe() + ": the " + what + " '" + text.value +
                                            "' is not that of the applicant " + person->id +
                                            " in the policy " + policy.sourceFile + " (" + policys +
                                            "); correct the job");
  };
  if (leave.applicantName.value != person->name) mismatch(leave.applicantName, "name", person->name);
  // Leaders belong to no 股室 in the policy; their slip names what the office calls them.
  if (!person->department.empty() && leave.department.value != person->department)
    mismatch(leave.department, "department", person->department);
  for (const model::Text& role : leave.roles) {
    if (!person->hasRole(role.value)) {
      std::string roles;
      for (const std::string& r : person->roles) roles += (roles.empty() ? "" : " ") + r;
      mismatch(role, "role", roles);
    }
  }
}

}  // namespace

policy::DocumentClaims formClaims(const policy::Policy& policy, const model::Document& doc) {
  policy::DocumentClaims claims;
  claims.templateId = doc.tmpl.id;
  claims.chain = doc.approvalChain;
  if (doc.voucher) claims.issuers.push_back(doc.voucher->issuer.value);
  if (doc.leave) {
    const model::LeaveRequest& leave = *doc.leave;
    claims.applicant = leave.applicantId.value;
    claims.leaveKind = leave.kind.value;
    claims.leaveDays = leave.halfDays() / 2.0;
    if (claims.chain.empty())
      claims.chain =
          policy::leaveChainFor(policy, {claims.leaveKind, *claims.leaveDays, claims.applicant}).id;
  }
  return claims;
}

const policy::Chain& formChain(const policy::Policy& policy, const model::Document& doc) {
  if (doc.leave) checkApplicant(policy, *doc.leave);
  return policy::approvalChainFor(policy, formClaims(policy, doc));
}

}  // namespace gongwen::forms
