#pragma once
// Which approval chain a form job goes through, and what its PDF claims so that `sign` and
// `verify` derive the same chain (policy::approvalChainFor): a leave request's chain is chosen by
// the policy's <leave> rules from its kind, days and the applicant's roles in the policy; a
// voucher's by the <documents> rules from its template and issuing unit.

#include "pipeline/model/Document.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::forms {

// The claims of a form job: template id, issuers (a voucher's unit), the chain the job names (a
// leave request that names none: the one its rules choose), applicant, leave kind and days.
policy::DocumentClaims formClaims(const policy::Policy& policy, const model::Document& doc);

// The chain for the claims. Throws what policy::approvalChainFor throws (a leave job naming another
// chain than its rules choose: Error(PolicyRefused, "policy.chain-not-allowed")), and
// Error(InputInvalid, "leave.applicant") when the slip's name, department or roles are not the
// applicant's in the policy.
const policy::Chain& formChain(const policy::Policy& policy, const model::Document& doc);

}  // namespace gongwen::forms
