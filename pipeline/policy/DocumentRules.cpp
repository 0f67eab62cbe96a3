// Which approval chain a document takes (DOMAIN.md): the policy's <documents> rules by template and
// issuing organs, the <leave> rules for a leave request. The document only picks among what they allow.

#include <algorithm>

#include "pipeline/core/Error.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::policy {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string listed(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

std::string describe(const DocumentClaims& claims) {
  return "a " + (claims.templateId.empty() ? std::string("document of no template") : claims.templateId) +
         " issued by " + (claims.issuers.empty() ? std::string("no organ") : listed(claims.issuers, "、"));
}

[[noreturn]] void refuse(const Policy& policy, const DocumentClaims& claims, const std::string& allowed) {
  throw policyError("policy.chain-not-allowed",
                    "rule chain-not-allowed: " + describe(claims) + " asks for the approval chain '" +
                        claims.chain + "', but the policy " + policy.sourceFile + " allows " + allowed +
                        "; render it from a job naming an allowed chain, or add a rule to <documents>");
}

const Chain& leaveChain(const Policy& policy, const DocumentClaims& claims) {
  if (claims.applicant.empty()) {
    throw policyError("policy.applicant-required",
                      "rule applicant-required: a leave request's chain follows from its applicant "
                      "(/GongwenApplicant), and this one names none; render it with the applicant");
  }
  if (claims.leaveKind.empty() || !claims.leaveDays) {
    throw inputError("policy.leave-claims",
                     "a leave request must name its kind (/GongwenLeaveKind) and days (/GongwenLeaveDays); "
                     "render it again with both");
  }
  const Chain& chain = leaveChainFor(policy, {claims.leaveKind, *claims.leaveDays, claims.applicant});
  if (claims.chain != chain.id) refuse(policy, claims, "only '" + chain.id + "' (by its <leave> rules)");
  return chain;
}

}  // namespace

const Chain& approvalChainFor(const Policy& policy, const DocumentClaims& claims) {
  if (claims.templateId == kLeaveTemplate) return leaveChain(policy, claims);
  std::vector<std::string> allowed;
  for (const DocumentRule& rule : policy.documentRules) {
    if (contains(rule.templates, claims.templateId) && rule.issuers == claims.issuers) {
      for (const std::string& chain : rule.chains) {
        if (!contains(allowed, chain)) allowed.push_back(chain);
      }
    }
  }
  if (!contains(allowed, claims.chain)) {
    refuse(policy, claims,
           allowed.empty() ? std::string("no chain for it (no <documents> rule covers it)")
                           : "only " + listed(allowed, ", "));
  }
  // The loader checked that every chain a rule names exists.
  return *policy.findChain(claims.chain);
}

}  // namespace gongwen::policy
