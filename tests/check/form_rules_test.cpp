// `gongwen check` on leave requests and vouchers (DOMAIN.md 请假, 财务): each rule over several
// fields is a finding with its code, at the element it is about, and the sample forms have none.

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/check/Checker.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;

namespace {

class FormRules : public ::testing::Test {
 protected:
  // Checks the sample with replacements made in turn.
  std::vector<check::Finding> checkEdited(const std::string& sample,
                                          const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string text = readFile(gongwen::testing::sourcePath("samples/jobs/" + sample));
    for (const auto& [from, to] : edits) {
      const size_t at = text.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    // A new name each time: a file check has read is an input, never rewritten.
    const std::string path = dir.file(std::to_string(++written) + "-" + sample);
    writeFileAtomically(path, text);
    return check::checkFile(path);
  }

  static std::vector<std::string> rules(const std::vector<check::Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.rule);
    return out;
  }

  static const check::Finding* find(const std::vector<check::Finding>& findings, const std::string& rule) {
    auto it = std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.rule == rule; });
    return it == findings.end() ? nullptr : &*it;
  }

  gongwen::testing::TempDir dir;
  int written = 0;
};

using Rules = std::vector<std::string>;

TEST_F(FormRules, TheSampleFormsHaveNoFinding) {
  for (const std::string& job : gongwen::testing::sampleFormJobs()) {
    const auto findings = check::checkFile(job);
    EXPECT_TRUE(findings.empty()) << job << "\n" << check::formatFindings(findings);
  }
}

TEST_F(FormRules, LeaveDaysAreCalendarDaysWithHalfDaysAtEitherEnd) {
  // 12月7日 to 12月9日: three calendar days; 2, 2.5 and 3 fit, 1.5 and 3.5 do not.
  for (const char* days : {"2", "2.5", "3"}) {
    EXPECT_EQ(rules(checkEdited("leave-sick-three-days.xml", {{"<days>3", std::string("<days>") + days}})),
              Rules{})
        << days;
  }
  for (const char* days : {"1.5", "3.5", "0"}) {
    const auto findings =
        checkEdited("leave-sick-three-days.xml", {{"<days>3", std::string("<days>") + days}});
    ASSERT_EQ(rules(findings), Rules{"leave.days"}) << days;
    EXPECT_EQ(findings[0].element, "/job/leave/days");
  }
  // One day: half a day or a whole one.
  EXPECT_EQ(rules(checkEdited("leave-personal-half-day.xml", {{"<days>0.5", "<days>1"}})), Rules{});
  EXPECT_EQ(rules(checkEdited("leave-personal-half-day.xml", {{"<days>0.5", "<days>1.5"}})),
            Rules{"leave.days"});
}

TEST_F(FormRules, LeaveEndingBeforeItStartsAndImpossibleDates) {
  const auto backwards =
      checkEdited("leave-sick-three-days.xml", {{"<to>2026年12月9日", "<to>2026年12月6日"}});
  EXPECT_EQ(rules(backwards), Rules{"leave.date-order"});
  EXPECT_EQ(backwards.at(0).element, "/job/leave/to");
  // Across a month end in a leap year: 2028年2月28日 to 3月1日 is three days.
  EXPECT_EQ(rules(checkEdited("leave-sick-three-days.xml", {{"<from>2026年12月7日", "<from>2028年2月28日"},
                                                            {"<to>2026年12月9日", "<to>2028年3月1日"}})),
            Rules{});
  EXPECT_EQ(rules(checkEdited("leave-sick-three-days.xml", {{"<to>2026年12月9日", "<to>2026年2月30日"}})),
            Rules{"date.invalid"});
  EXPECT_EQ(
      rules(checkEdited("leave-sick-three-days.xml", {{"<from>2026年12月7日", "<from>2026年12月07日"}})),
      Rules{"date.leading-zero"});
}

TEST_F(FormRules, StatutoryLeaveMustSayHowTheWorkIsCovered) {
  const auto findings = checkEdited("leave-marriage.xml", {{"<coverage>", "<!--"}, {"</coverage>", "-->"}});
  ASSERT_EQ(rules(findings), Rules{"leave.coverage"});
  EXPECT_EQ(findings[0].element, "/job/leave/kind");
  // 事假 and 病假 need none.
  EXPECT_EQ(
      rules(checkEdited("leave-marriage.xml",
                        {{"<coverage>", "<!--"}, {"</coverage>", "-->"}, {"<kind>婚假", "<kind>事假"}})),
      Rules{});
}

TEST_F(FormRules, VoucherAmountsTotalsAndCapitals) {
  const auto findings = checkEdited("voucher-monitoring-equipment.xml",
                                    {{"amount=\"1,400.00\"", "amount=\"1,500.00\""},
                                     {"壹万肆仟贰佰捌拾伍元伍角整", "壹万肆仟贰佰捌拾伍元整"}});
  EXPECT_EQ(rules(findings), (Rules{"voucher.item-amount", "voucher.total", "voucher.capitals"}));
  const check::Finding* item = find(findings, "voucher.item-amount");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->element, "/job/voucher/item[2]/@amount");
  EXPECT_NE(item->message.find("1,400.00"), std::string::npos) << item->message;
  const check::Finding* total = find(findings, "voucher.total");
  ASSERT_NE(total, nullptr);
  EXPECT_NE(total->message.find("14,385.50"), std::string::npos) << total->message;
  const check::Finding* capitals = find(findings, "voucher.capitals");
  ASSERT_NE(capitals, nullptr);
  EXPECT_NE(capitals->message.find("壹万肆仟贰佰捌拾伍元整"), std::string::npos) << capitals->message;
  EXPECT_NE(capitals->message.find("壹万肆仟贰佰捌拾伍元伍角整"), std::string::npos) << capitals->message;
}

TEST_F(FormRules, AVoucherWithoutCapitalsOrWithFiguresWrittenDifferentlyIsFine) {
  // 800 and 800.00 are the same amount; the capitals are generated when left out.
  EXPECT_EQ(
      rules(checkEdited("voucher-meeting-meals.xml", {{"<totalInCapitals>贰仟元整</totalInCapitals>", ""},
                                                      {"<total>2,000.00", "<total>2000"}})),
      Rules{});
}

}  // namespace
