// gongwen archive borrow ID --archive DIR [--registry URL] --policy POLICY.xml --as PERSON --approved-by
// PERSON...
//   [--outsider] [--reading-room] [--format text|json]
// gongwen archive return LOAN --archive DIR [--registry URL] [--format text|json]

#include <boost/program_options.hpp>
#include <ctime>
#include <iostream>

#include "pipeline/archive/Lending.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/cli/ArchiveOptions.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kBorrowSynopsis =
    "borrow ID --archive DIR [--registry URL] --policy POLICY.xml --as PERSON --approved-by PERSON... "
    "[--outsider] "
    "[--reading-room] [--format text|json]";
const char* const kReturnSynopsis = "return LOAN --archive DIR [--registry URL] [--format text|json]";

std::string loanJson(const archive::LoanRecord& loan) {
  return "{\"loan\":" + jsonString(loan.loanId) + ",\"document\":" + jsonString(loan.documentId) +
         ",\"person\":" + jsonString(loan.person) + ",\"approvers\":" + loan.approversJson +
         ",\"outsider\":" + (loan.outsider ? "true" : "false") +
         ",\"readingRoom\":" + (loan.readingRoom ? "true" : "false") +
         ",\"borrowedAt\":" + jsonString(loan.borrowedAt) +
         ",\"returnedAt\":" + (loan.returnedAt.empty() ? "null" : jsonString(loan.returnedAt)) + "}\n";
}

// Parses `args` with one positional argument (the document or loan id) into `id`, and the options both
// share; true for --help.
bool parse(const std::vector<std::string>& args, po::options_description& visible, const char* idName,
           std::string& id, std::string& format, std::string& registryUrl) {
  visible.add_options()("format", po::value(&format), "text (default) or json");
  addRegistryOption(visible, registryUrl);
  if (parseWithId(args, visible, idName, id)) return true;
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  checkRegistryOption(registryUrl);
  return false;
}

// The registry of the archive `dir`, which must hold one already.
std::unique_ptr<archive::RegistryStore> existingRegistry(const std::string& dir,
                                                         const std::string& registryUrl) {
  return archive::openArchiveRegistry(archive::openArchive(dir), registryUrl,
                                      archive::RegistryAccess::Existing);
}

int borrowBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kBorrowSynopsis);
  std::string id, dir, registryUrl, policyPath, format = "text";
  policy::LoanRequest request;
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "policy", po::value(&policyPath), "the bureau's policy: its <archive><lending> rules decide")(
      "as", po::value(&request.borrower), "who consults: a person id of the policy, or an outsider's name")(
      "approved-by", po::value(&request.approvers)->multitoken(), "the person ids who approved the request")(
      "outsider", po::bool_switch(&request.outsider), "the borrower is not of the bureau")(
      "reading-room", po::bool_switch(&request.readingRoom), "read in the reading room, not taken away");
  if (parse(args, visible, "document", id, format, registryUrl)) {
    std::cout
        << visible
        << "\nRegisters a consultation of an archived document (查阅登记) when the policy's lending rules\n"
           "allow it: staff need their 分管领导; outsiders the 分管领导 and the 局长, and read in the\n"
           "reading room; classified documents need the 分管领导 and stay in the reading room (as the\n"
           "sample policy says). A refused request is logged as a refusal event.\n"
           "exit codes: 0 granted, 4 refused by the policy, 2 usage, 3 unknown document or invalid\n"
           "policy, 5 the registry is missing, 6 I/O error (or the --registry server cannot be reached)\n";
    return 0;
  }
  if (id.empty() || dir.empty() || policyPath.empty() || request.borrower.empty()) {
    throw usageError("usage", std::string("give the document, the archive, the policy and the borrower: ") +
                                  "gongwen archive " + kBorrowSynopsis);
  }
  const policy::Policy policy = policy::loadPolicy(policyPath);
  const archive::LoanRecord loan = archive::borrowDocument(*existingRegistry(dir, registryUrl), dir, policy,
                                                           id, request, std::time(nullptr));
  if (format == "json") {
    std::cout << loanJson(loan);
  } else {
    std::cout << "loan " << loan.loanId << ": " << loan.documentId << " to " << loan.person << " at "
              << loan.borrowedAt << (loan.readingRoom ? ", in the reading room" : ", taken away")
              << "; return it with gongwen archive return " << loan.loanId << " --archive " << dir << "\n";
  }
  return 0;
}

int returnBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kReturnSynopsis);
  std::string loanId, dir, registryUrl, format = "text";
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory");
  if (parse(args, visible, "loan", loanId, format, registryUrl)) {
    std::cout << visible << "\nRegisters that the loan came back (a loan_returns row and a return event).\n"
              << "exit codes: 0 ok, 2 usage, 3 unknown or already returned loan, 5 the registry is missing,\n"
                 "6 I/O error (or the --registry server cannot be reached)\n";
    return 0;
  }
  if (loanId.empty() || dir.empty())
    throw usageError("usage",
                     std::string("give the loan and the archive: gongwen archive ") + kReturnSynopsis);
  const archive::LoanRecord loan =
      archive::returnLoan(*existingRegistry(dir, registryUrl), dir, loanId, std::time(nullptr));
  if (format == "json") {
    std::cout << loanJson(loan);
  } else {
    std::cout << "loan " << loan.loanId << ": " << loan.documentId << " returned by " << loan.person << " at "
              << loan.returnedAt << "\n";
  }
  return 0;
}

const bool borrowRegistered = registerArchiveAction({"borrow", kBorrowSynopsis, borrowBody});
const bool returnRegistered = registerArchiveAction({"return", kReturnSynopsis, returnBody});

}  // namespace
}  // namespace gongwen::cli
