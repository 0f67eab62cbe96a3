#pragma once
// 查阅登记: who consults which archived document, when, approved by whom, and when it came back. The
// policy's lending rules decide (policy::loanDecision); a granted loan is a loans row and a borrow
// event, a refused request a refusal event, a return a loan_returns row and a return event — each in
// one registry transaction, nothing ever updated; the same in SQLite and on a server (RegistryStore.h).

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/RegistryStore.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::archive {

struct LoanRecord {
  std::string loanId;  // LOAN-000001 …
  std::string documentId;
  std::string person;
  std::string approversJson;  // as stored: a JSON array of person ids
  bool outsider = false;
  bool readingRoom = false;
  std::string borrowedAt;
  std::string returnedAt;  // '' while out
};

// Registers the consultation `request` of `documentId` in the registry of the archive `archiveDir`
// (named in messages) when the policy allows it. A refusal is logged as a refusal event and then
// thrown as Error(PolicyRefused, decision code) with its reason. Error(InputInvalid,
// "archive.unknown-document") for an id the registry does not hold.
LoanRecord borrowDocument(RegistryStore& registry, const std::string& archiveDir,
                          const policy::Policy& policy, const std::string& documentId,
                          const policy::LoanRequest& request, std::time_t now);

// Registers the return. Error(InputInvalid, "archive.unknown-loan") or ("archive.loan-returned").
LoanRecord returnLoan(RegistryStore& registry, const std::string& archiveDir, const std::string& loanId,
                      std::time_t now);

}  // namespace gongwen::archive
