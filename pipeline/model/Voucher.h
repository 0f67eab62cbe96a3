#pragma once
// A reimbursement voucher (报销凭证) as the job gives it (schemas/job.xsd <voucher>). Money stays
// exact (model::Amount); each figure keeps the Text it was read from so that a finding or an error
// can name the job's element.

#include <cstdint>
#include <optional>
#include <vector>

#include "pipeline/model/Amount.h"
#include "pipeline/model/Text.h"

namespace gongwen::model {

struct Money {
  Text written;  // as in the job, e.g. "1,001.10"
  Amount value;
};

struct VoucherItem {
  Text description;
  Text quantityText;
  std::int64_t quantity = 0;
  Money unitPrice;
  Money amount;  // must be quantity × unitPrice
};

struct Voucher {
  Text issuer;  // the unit whose voucher it is (报销单位); the policy's <documents> rule matches it
  Text department;
  Text date;
  std::vector<VoucherItem> items;
  Text purpose;          // 用途 (DOMAIN.md 财务: every voucher states it)
  Money total;           // must be the sum of the items' amounts
  Text totalInCapitals;  // 大写金额 as written; empty: generated with capitalAmount()
  Text receipts;         // number of attached receipts (附单据张数)
};

}  // namespace gongwen::model
