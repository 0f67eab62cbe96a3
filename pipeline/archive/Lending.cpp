#include "pipeline/archive/Lending.h"

#include <cstdio>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistryPresence.h"
#include "pipeline/archive/RegistryStatement.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::archive {

namespace {

// The loan with this id as borrowed, with its return time when it came back.
std::optional<LoanRecord> findLoan(const ArchiveRegistry& registry, const std::string& loanId) {
  Statement select =
      prepare(registry.db(),
              "SELECT l.loan_id, l.document_id, l.person, l.approvers, l.outsider, l.reading_room, "
              "l.borrowed_at, coalesce(r.returned_at, '') FROM loans l "
              "LEFT JOIN loan_returns r ON r.loan_id = l.loan_id WHERE l.loan_id = ?");
  if (!select) registry.fail("read the loans");
  sqlite3_bind_text(select.get(), 1, loanId.c_str(), static_cast<int>(loanId.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  sqlite3_stmt* s = select.get();
  return LoanRecord{column(s, 0),
                    column(s, 1),
                    column(s, 2),
                    column(s, 3),
                    sqlite3_column_int(s, 4) != 0,
                    sqlite3_column_int(s, 5) != 0,
                    column(s, 6),
                    column(s, 7)};
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
std::optional<std::string> classificationOf(const ArchiveRegistry& registry, const std::string& documentId) {
  Statement select = prepare(registry.db(), "SELECT classification FROM documents WHERE id = ?");
  if (!select) registry.fail("read the document");
  sqlite3_bind_text(select.get(), 1, documentId.c_str(), static_cast<int>(documentId.size()),
                    SQLITE_TRANSIENT);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  return column(select.get(), 0);
}

// The registry keeps the 密级 line as the document prints it (秘密★1年); the lending rules name the level.
std::string classificationLevel(const std::string& line) { return line.substr(0, line.find("★")); }

std::string nextLoanId(const ArchiveRegistry& registry) {
  Statement count = prepare(registry.db(), "SELECT count(*) FROM loans");
  if (!count || sqlite3_step(count.get()) != SQLITE_ROW) registry.fail("count the loans");
  char id[32];
  std::snprintf(id, sizeof id, "LOAN-%06lld", sqlite3_column_int64(count.get(), 0) + 1);
  return id;
}

ArchiveLayout existingArchive(const std::string& archiveDir) {
  ArchiveLayout layout = openArchive(archiveDir);
  requireRegistry(layout);
  return layout;
}

}  // namespace

LoanRecord borrowDocument(const std::string& archiveDir, const policy::Policy& policy,
                          const std::string& documentId, const policy::LoanRequest& request,
                          std::time_t now) {
  ArchiveRegistry registry(existingArchive(archiveDir).registryPath(), ArchiveRegistry::Access::ReadWrite);
  ArchiveRegistry::Transaction transaction(registry);
  const std::optional<std::string> classification = classificationOf(registry, documentId);
  if (!classification) {
    throw inputError("archive.unknown-document", "the archive " + archiveDir + " holds no document " +
                                                     documentId + "; find its id with gongwen archive find");
  }
  policy::LoanRequest judged = request;
  judged.classification = classificationLevel(*classification);
  const policy::LoanDecision decision = policy::loanDecision(policy, judged);
  if (!decision.allowed) {
    appendEvent(registry, EventKind::Refusal, documentId,
                "{" + requestJson(judged) + ",\"rule\":" + jsonString(decision.rule) + ",\"code\":" +
                    jsonString(decision.code) + ",\"reason\":" + jsonString(decision.reason) + "}",
                now);
    transaction.commit();
    throw policyError(decision.code, "consulting " + documentId + " refused: " + decision.reason);
  }
  LoanRecord loan{nextLoanId(registry), documentId,          request.borrower,   jsonArray(request.approvers),
                  request.outsider,     request.readingRoom, formatUtcTime(now), ""};
  Row(registry,
      "INSERT INTO loans (loan_id, document_id, person, approvers, outsider, reading_room, borrowed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .text(loan.loanId)
      .text(loan.documentId)
      .text(loan.person)
      .text(loan.approversJson)
      .integer(loan.outsider)
      .integer(loan.readingRoom)
      .text(loan.borrowedAt)
      .insert("the loan");
  appendEvent(registry, EventKind::Borrow, documentId,
              "{\"loan\":" + jsonString(loan.loanId) + "," + requestJson(judged) + "}", now);
  transaction.commit();
  return loan;
}

LoanRecord returnLoan(const std::string& archiveDir, const std::string& loanId, std::time_t now) {
  ArchiveRegistry registry(existingArchive(archiveDir).registryPath(), ArchiveRegistry::Access::ReadWrite);
  ArchiveRegistry::Transaction transaction(registry);
  std::optional<LoanRecord> found = findLoan(registry, loanId);
  if (!found) {
    throw inputError("archive.unknown-loan", "the archive " + archiveDir + " has no loan " + loanId +
                                                 "; gongwen archive find shows the loans that are out");
  }
  LoanRecord loan = *found;
  if (!loan.returnedAt.empty()) {
    throw inputError("archive.loan-returned", "loan " + loanId + " of " + loan.documentId +
                                                  " was returned at " + loan.returnedAt + "; nothing to do");
  }
  loan.returnedAt = formatUtcTime(now);
  Row(registry, "INSERT INTO loan_returns (loan_id, returned_at) VALUES (?, ?)")
      .text(loan.loanId)
      .text(loan.returnedAt)
      .insert("the return");
  appendEvent(registry, EventKind::Return, loan.documentId,
              "{\"loan\":" + jsonString(loan.loanId) + ",\"person\":" + jsonString(loan.person) + "}", now);
  transaction.commit();
  return loan;
}

}  // namespace gongwen::archive
