#include "pipeline/check/FormRules.h"

#include <optional>

#include "pipeline/check/DateParts.h"
#include "pipeline/check/RuleCatalog.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {
namespace {

// The day number of a text that is exactly one existing date "2026年12月1日"; nullopt otherwise
// (the date rules report its form).
std::optional<long> dayOf(const model::Text& text) {
  const std::u32string t = toUtf32(text.value, text.where.describe());
  const auto parts = parseArabicDate(t, 0);
  if (!parts || parts->begin != 0 || parts->end != t.size() || parts->dayBegin == parts->dayEnd ||
      !isCalendarDate(parts->year, parts->month, parts->day))
    return std::nullopt;
  return dayNumber(parts->year, parts->month, parts->day);
}

std::string halfDaysText(long halfDays) { return std::to_string(halfDays / 2) + (halfDays % 2 ? ".5" : ""); }

}  // namespace

std::vector<FormIssue> leaveIssues(const model::LeaveRequest& leave) {
  std::vector<FormIssue> issues;
  const int halfDays = leave.halfDays();
  const auto from = dayOf(leave.from);
  const auto to = dayOf(leave.to);
  if (from && to && *to < *from) {
    issues.push_back(
        {"leave.date-order", &leave.to, "（起始" + leave.from.value + "，截止" + leave.to.value + "）"});
  } else if (from && to) {
    // Calendar days, both ends included; half a day off at one end, or at both, is allowed.
    const long span = *to - *from + 1;
    if (halfDays > 2 * span || halfDays < 2 * (span - 1) || halfDays == 0) {
      issues.push_back({"leave.days", &leave.days,
                        "（" + leave.from.value + "至" + leave.to.value + "共" + std::to_string(span) +
                            "个日历日，天数应在" + halfDaysText(std::max(1L, 2 * (span - 1))) + "至" +
                            std::to_string(span) + "之间，写作" + leave.days.value + "）"});
    }
  } else if (halfDays == 0) {
    issues.push_back({"leave.days", &leave.days, "（天数须大于0）"});
  }
  if (leave.statutory() && leave.coverage.empty()) {
    issues.push_back({"leave.coverage", &leave.kind, "（假别为" + leave.kind.value + "）"});
  }
  return issues;
}

std::vector<FormIssue> voucherIssues(const model::Voucher& voucher) {
  std::vector<FormIssue> issues;
  model::Amount sum;
  for (const model::VoucherItem& item : voucher.items) {
    const model::Amount expected = item.unitPrice.value * item.quantity;
    if (expected != item.amount.value) {
      issues.push_back({"voucher.item-amount", &item.amount.written,
                        "（" + item.quantityText.value + " × " + item.unitPrice.value.figures() + " = " +
                            expected.figures() + "，写作" + item.amount.written.value + "）"});
    }
    sum = sum + item.amount.value;
  }
  if (sum != voucher.total.value) {
    issues.push_back({"voucher.total", &voucher.total.written,
                      "（各项之和为" + sum.figures() + "，合计写作" + voucher.total.written.value + "）"});
  }
  if (!voucher.totalInCapitals.empty()) {
    const std::string expected = model::capitalAmount(voucher.total.value);
    if (voucher.totalInCapitals.value != expected) {
      issues.push_back({"voucher.capitals", &voucher.totalInCapitals,
                        "（写作“" + voucher.totalInCapitals.value + "”，合计" +
                            voucher.total.value.figures() + "元的大写金额为“" + expected + "”）"});
    }
  }
  return issues;
}

std::string describeIssue(const FormIssue& issue) {
  return issue.at->where.describe() + ": " + std::string(ruleInfo(issue.rule).message) + issue.detail;
}

}  // namespace gongwen::check
