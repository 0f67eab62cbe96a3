#include "pipeline/render/FormJob.h"

#include "pipeline/check/FormRules.h"
#include "pipeline/core/Error.h"
#include "pipeline/forms/FormChain.h"
#include "pipeline/forms/LeaveSlipForm.h"
#include "pipeline/forms/VoucherForm.h"
#include "pipeline/render/FormRenderer.h"

namespace gongwen::render {

bool isForm(const model::Document& doc) { return doc.leave || doc.voucher; }

const policy::Chain& approveForm(const model::Document& doc, const policy::Policy* policy) {
  if (policy == nullptr) {
    throw usageError("usage.policy-required",
                     doc.sourceFile + ": a " + doc.tmpl.kindName + " (template " + doc.tmpl.id +
                         ") takes its approval chain and signature boxes from the policy; give --policy "
                         "POLICY.xml");
  }
  const policy::Chain& chain = forms::formChain(*policy, doc);
  if (doc.voucher) {
    // Money that does not add up is not a matter of style: the voucher is refused, not rendered.
    const auto issues = check::voucherIssues(*doc.voucher);
    if (!issues.empty())
      throw inputError(std::string(issues.front().rule), check::describeIssue(issues.front()));
  }
  return chain;
}

std::string renderFormJobToPdf(const model::Document& doc, const policy::Policy& policy,
                               const policy::Chain& chain, const fonts::FontLibrary& fonts,
                               std::optional<std::int64_t> fixedTime, std::size_t* pageCount) {
  const model::Form form = doc.leave ? forms::leaveSlipForm(doc, chain) : forms::voucherForm(doc, chain);
  const policy::DocumentClaims claims = forms::formClaims(policy, doc);
  layout::DocumentInfo info;
  info.title = doc.tmpl.kindName;
  info.author = doc.leave ? doc.leave->applicantName.value : doc.voucher->issuer.value;
  info.subject = chain.name;
  info.date =
      doc.leave ? doc.leave->date.value : doc.voucher->date.value;  // 申请日期 / 报销日期: the archive's 日期
  info.templateId = claims.templateId;
  info.issuers = claims.issuers;
  info.approvalChain = claims.chain;
  info.applicant = claims.applicant;
  info.leaveKind = claims.leaveKind;
  info.leaveDays = claims.leaveDays;
  return renderFormToPdf(form, fonts, info, fixedTime, pageCount);
}

}  // namespace gongwen::render
