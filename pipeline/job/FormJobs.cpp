#include "pipeline/job/FormJobs.h"

#include "pipeline/core/Error.h"
#include "pipeline/job/XmlNodes.h"

namespace gongwen::job {
namespace {

model::Money moneyOf(model::Text written) {
  try {
    const model::Amount value = model::Amount::parse(written.value);
    return {std::move(written), value};
  } catch (const Error& e) {
    throw inputError(e.code(), written.where.describe() + ": " + e.what());
  }
}

model::VoucherItem itemOf(const xmlNode* element, const std::string& file) {
  model::VoucherItem item;
  item.description = attributeText(element, "description", file);
  item.quantityText = attributeText(element, "quantity", file);
  item.quantity = std::stoll(item.quantityText.value);  // the schema allows 1 to 6 digits only
  item.unitPrice = moneyOf(attributeText(element, "unitPrice", file));
  item.amount = moneyOf(attributeText(element, "amount", file));
  return item;
}

}  // namespace

model::LeaveRequest readLeaveRequest(const xmlNode* element, const std::string& file) {
  model::LeaveRequest leave;
  for (const xmlNode* child : childElements(element)) {
    const std::string name = nameOf(child);
    model::Text text = elementText(child, file);
    if (name == "applicant") {
      leave.applicantId = attributeText(child, "person", file);
      leave.applicantName = std::move(text);
    } else if (name == "department") {
      leave.department = std::move(text);
    } else if (name == "role") {
      leave.roles.push_back(std::move(text));
    } else if (name == "kind") {
      leave.kind = std::move(text);
    } else if (name == "from") {
      leave.from = std::move(text);
    } else if (name == "to") {
      leave.to = std::move(text);
    } else if (name == "days") {
      leave.days = std::move(text);
    } else if (name == "reason") {
      leave.reason = std::move(text);
    } else if (name == "coverage") {
      leave.coverage = std::move(text);
    } else if (name == "substitute") {
      leave.substitute = std::move(text);
    } else if (name == "date") {
      leave.date = std::move(text);
    }
  }
  return leave;
}

model::Voucher readVoucher(const xmlNode* element, const std::string& file) {
  model::Voucher voucher;
  for (const xmlNode* child : childElements(element)) {
    const std::string name = nameOf(child);
    if (name == "item") {
      voucher.items.push_back(itemOf(child, file));
      continue;
    }
    model::Text text = elementText(child, file);
    if (name == "issuer") {
      voucher.issuer = std::move(text);
    } else if (name == "department") {
      voucher.department = std::move(text);
    } else if (name == "date") {
      voucher.date = std::move(text);
    } else if (name == "purpose") {
      voucher.purpose = std::move(text);
    } else if (name == "total") {
      voucher.total = moneyOf(std::move(text));
    } else if (name == "totalInCapitals") {
      voucher.totalInCapitals = std::move(text);
    } else if (name == "receipts") {
      voucher.receipts = std::move(text);
    }
  }
  return voucher;
}

}  // namespace gongwen::job
