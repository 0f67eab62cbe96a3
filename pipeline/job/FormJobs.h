#pragma once
// The form contents of a job (schemas/job.xsd <leave>, <voucher>), read into the model after the
// job was validated. Amounts are parsed exactly (model::Amount); whether they add up is for
// check (FormRules) and render to judge, so that a wrong sum is a finding naming its element.

#include <libxml/tree.h>

#include <string>

#include "pipeline/model/LeaveRequest.h"
#include "pipeline/model/Voucher.h"

namespace gongwen::job {

model::LeaveRequest readLeaveRequest(const xmlNode* element, const std::string& file);

// Throws Error(InputInvalid, "amount.invalid") naming the element for an amount of 10^12 元 or more.
model::Voucher readVoucher(const xmlNode* element, const std::string& file);

}  // namespace gongwen::job
