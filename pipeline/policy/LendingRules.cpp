// Consulting the archive (查阅; DOMAIN.md 档案 and 保密): the policy's lending rules decide whether a
// request is allowed. The rules add up: a classified file lent to an outsider needs what both ask.

#include <algorithm>

#include "pipeline/policy/Policy.h"

namespace gongwen::policy {

namespace {

bool applies(const LendingRule& rule, const LoanRequest& request) {
  const bool borrower = rule.borrowers == LendingRule::Borrowers::Any ||
                        (rule.borrowers == LendingRule::Borrowers::Outsider) == request.outsider;
  const bool document =
      rule.classifications.empty() || std::find(rule.classifications.begin(), rule.classifications.end(),
                                                request.classification) != rule.classifications.end();
  return borrower && document;
}

LoanDecision refused(std::string rule, std::string code, std::string reason) {
  return {false, std::move(rule), std::move(code), std::move(reason)};
}

std::string describe(const Person& person) { return person.name + " (" + person.id + ")"; }

// The approver who gives `role` for this rule, or nullptr.
const Person* approverFor(const std::vector<const Person*>& approvers, const std::string& role,
                          const LendingRule& rule, const Person* borrower) {
  for (const Person* approver : approvers) {
    const bool inCharge = !rule.inChargeOfBorrower || borrower == nullptr || borrower->department.empty() ||
                          std::find(approver->oversees.begin(), approver->oversees.end(),
                                    borrower->department) != approver->oversees.end();
    if (approver->hasRole(role) && inCharge) return approver;
  }
  return nullptr;
}

std::string missingApproval(const LendingRule& rule, const std::string& role, const Person* borrower) {
  std::string whose = "the " + role;
  if (rule.inChargeOfBorrower && borrower != nullptr && !borrower->department.empty())
    whose = "the " + role + " in charge of " + borrower->department + " (the borrower's department)";
  return "rule " + rule.id + " needs the approval of " + whose + "; none of the approvers gives it. Ask " +
         whose + " and name him with --approved-by";
}

}  // namespace

LoanDecision loanDecision(const Policy& policy, const LoanRequest& request) {
  const Person* borrower = request.outsider ? nullptr : policy.findPerson(request.borrower);
  if (!request.outsider && borrower == nullptr) {
    return refused("", "policy.unknown-person",
                   "borrower '" + request.borrower + "' is not a person of the policy " + policy.sourceFile +
                       "; someone from outside the bureau borrows as an outsider (--outsider)");
  }
  std::vector<const Person*> approvers;
  for (const std::string& id : request.approvers) {
    const Person* approver = policy.findPerson(id);
    if (approver == nullptr) {
      return refused("", "policy.unknown-person",
                     "approver '" + id + "' is not a person of the policy " + policy.sourceFile);
    }
    if (approver == borrower) {
      return refused("", "policy.loan-self-approval",
                     describe(*approver) + " may not approve his own consultation of the archive");
    }
    approvers.push_back(approver);
  }
  bool covered = false;
  for (const LendingRule& rule : policy.lendingRules) {
    if (!applies(rule, request)) continue;
    covered = true;
    for (const std::string& role : rule.approverRoles) {
      if (approverFor(approvers, role, rule, borrower) == nullptr) {
        return refused(rule.id, "policy.loan-approval-missing", missingApproval(rule, role, borrower));
      }
    }
    if (rule.readingRoomOnly && !request.readingRoom) {
      return refused(rule.id, "policy.loan-reading-room",
                     "rule " + rule.id +
                         " allows this file to be read in the reading room only, never taken away; "
                         "register it as a reading-room consultation (--reading-room)");
    }
  }
  if (!covered) {
    return refused("", "policy.loan-no-rule",
                   "no lending rule of " + policy.sourceFile +
                       " covers this request, so nobody may grant it; add a <rule> to <archive><lending>");
  }
  return {true, "", "", ""};
}

}  // namespace gongwen::policy
