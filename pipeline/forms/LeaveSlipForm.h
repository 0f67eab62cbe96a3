#pragma once
// The 请假条 of a leave request: who asks, for which kind and days, why, how the work is covered,
// and one signature box per step of the chain its <leave> rule chose, in the chain's order.

#include "pipeline/model/Document.h"
#include "pipeline/model/Form.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::forms {

model::Form leaveSlipForm(const model::Document& doc, const policy::Chain& chain);

}  // namespace gongwen::forms
