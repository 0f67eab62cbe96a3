#pragma once
// The 办理情况汇总表: every row of the proposals register on landscape A4 pages, one table row per
// proposal, with its answer deadline, what became of it in this run and whether it is overdue.
//
// Status: 已答复 (a letter was produced), 未答复 (the row is correct but has no answer yet), 有误
// (anything else wrong; the errors say what). Overdue: a proposal is overdue when the run's date —
// the date the letters carry — is after its deadline (received + 2 months), whether it is answered
// now (the letter goes out late) or not: its 超期 cell says so and the row is marked. A row whose
// 收到日期 cannot be read has no deadline and is never marked.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/model/Form.h"
#include "pipeline/reply/CalendarDate.h"
#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {

enum class RowStatus { Answered, Unanswered, Invalid };

struct RegisterEntry {
  ProposalRecord record;
  RowStatus status = RowStatus::Invalid;
  std::optional<CalendarDate> received;  // when the row's 收到日期 is a date
};

const char* statusName(RowStatus status);  // 已答复 / 未答复 / 有误

bool isOverdue(const RegisterEntry& entry, CalendarDate asOf);

struct RegisterSummary {
  int rows = 0, answered = 0, unanswered = 0, invalid = 0, overdue = 0;
};
RegisterSummary summarise(const std::vector<RegisterEntry>& entries, CalendarDate asOf);

// The table as a Form (landscape, over several pages, header row repeated, overdue rows marked).
// Cell texts are the register's as written, on one line, cut after kMaxCellChars characters; a
// character the 仿宋 face cannot draw (already reported as the row's error) shows as ？, so that a
// wrong row never stops the register.
model::Form registerForm(const std::vector<RegisterEntry>& entries, const std::string& issuer,
                         CalendarDate asOf, const fonts::FontLibrary& fonts);

inline constexpr std::size_t kMaxCellChars = 60;

}  // namespace gongwen::reply
