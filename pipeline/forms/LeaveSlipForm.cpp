#include "pipeline/forms/LeaveSlipForm.h"

#include "pipeline/forms/FormCells.h"

namespace gongwen::forms {
namespace {

// A merged copy of several job texts in one cell keeps the first one's location for errors.
model::Text joined(const std::vector<const model::Text*>& parts, const std::string& separator) {
  std::string value;
  for (const model::Text* part : parts) {
    if (!part->empty()) value += (value.empty() ? "" : separator) + part->value;
  }
  return relabelled(*parts.front(), value);
}

}  // namespace

model::Form leaveSlipForm(const model::Document& doc, const policy::Chain& chain) {
  const model::LeaveRequest& leave = *doc.leave;
  model::Form form = titledForm(doc, {2, 3, 2, 3});
  form.linesAbove.push_back(relabelled(leave.date, "申请日期：" + leave.date.value));

  std::vector<const model::Text*> roles;
  for (const model::Text& role : leave.roles) roles.push_back(&role);
  using model::FormRow;
  form.rows.push_back(FormRow{{label("申请人"), value(leave.applicantName, "applicant"), label("股室"),
                               value(leave.department, "department")}});
  form.rows.push_back(
      FormRow{{label("职务"), value(joined(roles, "、"), "role"), label("假别"), value(leave.kind, "kind")}});
  form.rows.push_back(
      FormRow{{label("起始日期"), value(leave.from, "from"), label("截止日期"), value(leave.to, "to")}});
  form.rows.push_back(FormRow{{label("请假天数"), value(leave.days, "days"), label("代岗人"),
                               value(leave.substitute, "substitute")}});
  form.rows.push_back(FormRow{{label("请假事由"), value(leave.reason, "reason", 3)}});
  if (!leave.coverage.empty())
    form.rows.push_back(FormRow{{label("工作安排"), value(leave.coverage, "coverage", 3)}});
  for (const policy::Step& step : chain.steps) {
    FormRow row{{signatureBox(step, 4)}};
    row.minHeightMm = kSignatureRowMm;
    form.rows.push_back(std::move(row));
  }
  return form;
}

}  // namespace gongwen::forms
