#pragma once
// The 报销凭证 of a voucher: unit, department, date, the items with quantity, unit price and amount,
// the total in figures and in capitals (generated when the job leaves it out), the purpose, the
// number of receipts, and the boxes of the chain's steps (经手人, 证明人, 局长) side by side.

#include "pipeline/model/Document.h"
#include "pipeline/model/Form.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::forms {

model::Form voucherForm(const model::Document& doc, const policy::Chain& chain);

}  // namespace gongwen::forms
