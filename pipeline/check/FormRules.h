#pragma once
// The rules of the forms (DOMAIN.md 请假, 财务) that need more than one field: a leave request's
// dates, days and work cover; a voucher's item amounts, total and 大写金额. `gongwen check` reports
// them as findings; `gongwen render` refuses a voucher whose figures disagree (exit 3).

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/LeaveRequest.h"
#include "pipeline/model/Voucher.h"

namespace gongwen::check {

struct FormIssue {
  std::string_view rule;  // an id of the rule catalog (leave.*, voucher.*)
  const model::Text* at;  // the element it is about
  std::string detail;     // appended to the catalog message
};

std::vector<FormIssue> leaveIssues(const model::LeaveRequest& leave);
std::vector<FormIssue> voucherIssues(const model::Voucher& voucher);

// "file:line (xpath): <catalog message><detail>", the one line render refuses a voucher with.
std::string describeIssue(const FormIssue& issue);

}  // namespace gongwen::check
