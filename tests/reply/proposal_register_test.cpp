#include <gtest/gtest.h>

#include "pipeline/render/Renderer.h"
#include "pipeline/reply/ProposalRegister.h"

using namespace gongwen::reply;

namespace {

RegisterEntry entry(int row, const char* received, RowStatus status,
                    const char* title = "关于加强扬尘管控的建议") {
  RegisterEntry e;
  e.record.row = row;
  e.record.fields = {"人大代表建议",
                     "十七届五次会议",
                     std::to_string(100 + row),
                     "王志强",
                     title,
                     "主办",
                     "业务股",
                     received,
                     "一般",
                     "A",
                     "周晓燕",
                     "86003456",
                     "答复。"};
  e.received = parseIsoDate(received);
  e.status = status;
  return e;
}

const CalendarDate kAsOf{2026, 11, 29};

std::string cellOf(const gongwen::model::Form& form, std::size_t row, std::size_t cell) {
  return form.rows.at(row).cells.at(cell).text.value;
}

}  // namespace

TEST(ProposalRegister, OverdueMeansTheRunDateIsAfterTheDeadlineAnsweredOrNot) {
  EXPECT_FALSE(isOverdue(entry(2, "2026-09-29", RowStatus::Unanswered), kAsOf));  // due 11-29: still on time
  EXPECT_TRUE(isOverdue(entry(2, "2026-09-28", RowStatus::Unanswered), kAsOf));   // due 11-28
  EXPECT_TRUE(isOverdue(entry(2, "2026-09-28", RowStatus::Answered), kAsOf));     // the letter goes out late
  EXPECT_TRUE(isOverdue(entry(2, "2026-09-30", RowStatus::Invalid), {2026, 12, 1}));  // due 11-30
  EXPECT_FALSE(isOverdue(entry(2, "2026-13-01", RowStatus::Invalid), kAsOf));         // no date, no deadline
}

TEST(ProposalRegister, OneMarkedRowPerOverdueProposalUnderARepeatedHeader) {
  const std::vector<RegisterEntry> entries = {
      entry(2, "2026-06-10", RowStatus::Answered), entry(3, "2026-10-31", RowStatus::Answered),
      entry(4, "2026-08-31", RowStatus::Unanswered), entry(5, "2026/08/31", RowStatus::Invalid),
      entry(6, "2026-10-01", RowStatus::Invalid, "关于\xF0\x9F\x98\x80和\xFF的建议")};
  const auto form = registerForm(entries, "江州市生态环境局", kAsOf, gongwen::render::fontLibraryFor(""));
  EXPECT_EQ(form.orientation, gongwen::model::PageOrientation::Landscape);
  EXPECT_FALSE(form.singlePage);
  ASSERT_EQ(form.rows.size(), 6u);
  EXPECT_TRUE(form.rows[0].repeatsOnEachPage);
  EXPECT_EQ(form.columnWeights.size(), form.rows[0].cells.size());
  const bool marked[] = {true, false, true, false, false};
  const char* status[] = {"已答复", "已答复", "未答复", "有误", "有误"};
  const char* deadline[] = {"2026-08-10", "2026-12-31", "2026-10-31", "—", "2026-12-01"};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::size_t row = i + 1;
    EXPECT_EQ(form.rows[row].marked, marked[i]) << row;
    EXPECT_EQ(cellOf(form, row, 0), std::to_string(entries[i].record.row));
    EXPECT_EQ(cellOf(form, row, 6), deadline[i]) << row;
    EXPECT_EQ(cellOf(form, row, 8), status[i]) << row;
    EXPECT_EQ(cellOf(form, row, 9), marked[i] ? "超期" : "") << row;
    EXPECT_EQ(form.rows[row].cells.size(), form.columnWeights.size());
  }
  EXPECT_EQ(cellOf(form, 1, 1), "人大建议十七届五次会议第102号");
  EXPECT_EQ(cellOf(form, 4, 5), "2026/08/31");  // as written when it is no date
  EXPECT_EQ(cellOf(form, 1, 7), "A");
  EXPECT_EQ(cellOf(form, 3, 7), "—");  // no class for what was not answered
  // What the row's errors already report must not stop the register: shown as ？.
  EXPECT_EQ(cellOf(form, 5, 2), "？");  // not UTF-8 at all
  EXPECT_EQ(form.linesBelow.at(0).text.value.rfind("共5件：已答复2件，未答复1件，有误2件；超期2件。", 0), 0u);
}

TEST(ProposalRegister, ADrawableTitleIsKeptAndAnOverlongOneCut) {
  std::string longTitle;
  for (int i = 0; i < 70; ++i) longTitle += "长";
  const std::vector<RegisterEntry> entries = {
      entry(2, "2026-10-10", RowStatus::Answered, "关于\xF0\x9F\x98\x80的建议"),
      entry(3, "2026-10-10", RowStatus::Answered, longTitle.c_str())};
  const auto form = registerForm(entries, "江州市生态环境局", kAsOf, gongwen::render::fontLibraryFor(""));
  EXPECT_EQ(cellOf(form, 1, 2), "关于？的建议");
  std::string cut;
  for (std::size_t i = 0; i < kMaxCellChars; ++i) cut += "长";
  EXPECT_EQ(cellOf(form, 2, 2), cut + "……");
}
