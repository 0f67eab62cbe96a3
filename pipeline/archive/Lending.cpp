#include "pipeline/archive/Lending.h"

#include <cstdio>

#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::archive {

namespace {

// The loan with this id as borrowed, with its return time when it came back.
std::optional<LoanRecord> findLoan(RegistryReader& reader, const std::string& loanId) {
  const std::vector<SqlRow> found = reader.rows(
      "SELECT l.loan_id, l.document_id, l.person, l.approvers, l.outsider, l.reading_room, "
      "l.borrowed_at, coalesce(r.returned_at, '') FROM loans l "
      "LEFT JOIN loan_returns r ON r.loan_id = l.loan_id WHERE l.loan_id = ?",
      {loanId});
  if (found.empty()) return std::nullopt;
  SqlRow r = found.front();
  r.resize(8);
  const auto text = [&](std::size_t i) { return r[i].value_or(""); };
  return LoanRecord{text(0), text(1), text(2), text(3), sqlInteger(r[4]) != 0, sqlInteger(r[5]) != 0,
                    text(6), text(7)};
}

std::string jsonArray(const std::vector<std::string>& items) {
  std::string json = "[";
  for (std::size_t i = 0; i < items.size(); ++i) json += (i ? "," : "") + jsonString(items[i]);
  return json + "]";
}

std::string requestJson(const policy::LoanRequest& request) {
  return "\"person\":" + jsonString(request.borrower) + ",\"approvers\":" + jsonArray(request.approvers) +
         ",\"outsider\":" + (request.outsider ? "true" : "false") +
         ",\"readingRoom\":" + (request.readingRoom ? "true" : "false");
}

// The document's 密级, or nullopt when the registry does not hold the id.
std::optional<std::string> classificationOf(RegistryReader& reader, const std::string& documentId) {
  const std::vector<SqlRow> found =
      reader.rows("SELECT classification FROM documents WHERE id = ?", {documentId});
  if (found.empty() || found.front().empty()) return std::nullopt;
  return found.front().front().value_or("");
}

// The registry keeps the 密级 line as the document prints it (秘密★1年); the lending rules name the level.
std::string classificationLevel(const std::string& line) { return line.substr(0, line.find("★")); }

std::string nextLoanId(RegistryReader& reader) {
  const std::vector<SqlRow> count = reader.rows("SELECT count(*) FROM loans");
  char id[32];
  std::snprintf(id, sizeof id, "LOAN-%06lld", (count.empty() ? 0 : sqlInteger(count.front().at(0))) + 1);
  return id;
}

}  // namespace

LoanRecord borrowDocument(RegistryStore& registry, const std::string& archiveDir,
                          const policy::Policy& policy, const std::string& documentId,
                          const policy::LoanRequest& request, std::time_t now) {
  std::optional<LoanRecord> granted;
  std::optional<policy::LoanDecision> refused;
  registry.write([&](RegistryWriter& writer) {
    const std::optional<std::string> classification = classificationOf(writer, documentId);
    if (!classification) {
      throw inputError("archive.unknown-document", "the archive " + archiveDir + " holds no document " +
                                                       documentId +
                                                       "; find its id with gongwen archive find");
    }
    policy::LoanRequest judged = request;
    judged.classification = classificationLevel(*classification);
    const policy::LoanDecision decision = policy::loanDecision(policy, judged);
    if (!decision.allowed) {
      writer.appendEvent(EventKind::Refusal, documentId,
                         "{" + requestJson(judged) + ",\"rule\":" + jsonString(decision.rule) + ",\"code\":" +
                             jsonString(decision.code) + ",\"reason\":" + jsonString(decision.reason) + "}",
                         now);
      refused = decision;
      return;
    }
    const LoanRecord loan{
        nextLoanId(writer), documentId,          request.borrower,   jsonArray(request.approvers),
        request.outsider,   request.readingRoom, formatUtcTime(now), ""};
    writer.execute(
        "INSERT INTO loans (loan_id, document_id, person, approvers, outsider, reading_room, borrowed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {loan.loanId, loan.documentId, loan.person, loan.approversJson, std::to_string(loan.outsider),
         std::to_string(loan.readingRoom), loan.borrowedAt},
        "the loan");
    writer.appendEvent(EventKind::Borrow, documentId,
                       "{\"loan\":" + jsonString(loan.loanId) + "," + requestJson(judged) + "}", now);
    granted = loan;
  });
  if (refused) throw policyError(refused->code, "consulting " + documentId + " refused: " + refused->reason);
  return *granted;
}

LoanRecord returnLoan(RegistryStore& registry, const std::string& archiveDir, const std::string& loanId,
                      std::time_t now) {
  std::optional<LoanRecord> returned;
  registry.write([&](RegistryWriter& writer) {
    std::optional<LoanRecord> found = findLoan(writer, loanId);
    if (!found) {
      throw inputError("archive.unknown-loan", "the archive " + archiveDir + " has no loan " + loanId +
                                                   "; gongwen archive find shows the loans that are out");
    }
    LoanRecord loan = *found;
    if (!loan.returnedAt.empty()) {
      throw inputError("archive.loan-returned", "loan " + loanId + " of " + loan.documentId +
                                                    " was returned at " + loan.returnedAt +
                                                    "; nothing to do");
    }
    loan.returnedAt = formatUtcTime(now);
    writer.execute("INSERT INTO loan_returns (loan_id, returned_at) VALUES (?, ?)",
                   {loan.loanId, loan.returnedAt}, "the return");
    writer.appendEvent(
        EventKind::Return, loan.documentId,
        "{\"loan\":" + jsonString(loan.loanId) + ",\"person\":" + jsonString(loan.person) + "}", now);
    returned = loan;
  });
  return *returned;
}

}  // namespace gongwen::archive
