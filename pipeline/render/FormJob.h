#pragma once
// The render path of a form job (请假条, 报销凭证): the policy chooses its chain and gives its boxes,
// the voucher's figures must agree, then the form is built and rendered (FormRenderer) with the
// claims `sign` and `verify` derive the same chain from.

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/model/Document.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::render {

bool isForm(const model::Document& doc);

// The chain the form goes through. Throws Error(Usage, "usage.policy-required") without a policy
// (a form's chain and boxes come from it), what forms::formChain throws, and Error(InputInvalid,
// "voucher.*") naming the element when a voucher's amounts, total or 大写金额 disagree.
const policy::Chain& approveForm(const model::Document& doc, const policy::Policy* policy);

std::string renderFormJobToPdf(const model::Document& doc, const policy::Policy& policy,
                               const policy::Chain& chain, const fonts::FontLibrary& fonts,
                               std::optional<std::int64_t> fixedTime, std::size_t* pageCount);

}  // namespace gongwen::render
