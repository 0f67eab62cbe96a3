#pragma once
// `gongwen reply`: from the proposals register to one reply letter per answered row (its job XML
// and PDF) and the 办理情况汇总表 of every row. A wrong row is reported with its row and column and
// produces no letter; the other rows are still produced.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "pipeline/reply/CalendarDate.h"
#include "pipeline/reply/Proposal.h"
#include "pipeline/reply/ProposalRegister.h"

namespace gongwen::reply {

struct ReplyOptions {
  std::string outDir;          // created when missing
  std::string fontConfigPath;  // empty: the shipped fonts/fonts.xml
  // The bureau's policy: its organisation answers, and each letter's chain must be one its
  // <documents> rules allow for letters from it. Without one, `issuer` names the bureau.
  const policy::Policy* policy = nullptr;
  std::string issuer;
  CalendarDate date;                      // the letters' 成文日期 and the register's reference date
  std::optional<std::int64_t> fixedTime;  // fixes the PDFs' dates and /ID (SOURCE_DATE_EPOCH)
};

struct ReplyLetterOutput {
  int row = 0;
  std::string label;  // 人大代表建议第126号
  std::string job;    // DIR/npc-17-5-126.xml
  std::string pdf;    // DIR/npc-17-5-126.pdf
};

struct ReplyReport {
  std::string input;
  std::vector<RegisterEntry> rows;
  std::vector<RowError> errors;  // in row order
  std::vector<ReplyLetterOutput> letters;
  std::string registerPdf;  // DIR/register.pdf
  RegisterSummary summary;
};

// Throws (and writes nothing more) only for what stops the whole run: an unreadable register or one
// with a wrong header (exit 3), no issuer (exit 2), a policy that forbids the chains (exit 4), I/O
// (exit 6).
ReplyReport replyToProposals(const std::string& input, const ReplyOptions& options);

// "register.csv:5 (row 5): 收到日期 "2026-02-30" is not a date …" per error, then the outputs.
std::string formatReplyReport(const ReplyReport& report);
// {"input", "rows", "letters": [{row, label, job, pdf}], "errors": [{row, line, column, code,
//  message}], "register", "answered", "unanswered", "invalid", "overdue"}
std::string formatReplyReportJson(const ReplyReport& report);

}  // namespace gongwen::reply
