// `gongwen archive borrow` and `return` on an archive of ingested signed samples, judged by the sample
// policy's lending rules: each rule granted and refused, every refusal in the event log, loans and
// returns as rows that are only ever added.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/EventLog.h"
#include "tests/archive/ArchiveFixture.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using nlohmann::json;

class ArchiveLending : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult ingested =
        ingest(dir, {put(tmp, "notice.pdf", signedSample("notice-risk-inspection")),
                     put(tmp, "secret.pdf", signedSample("notice-classified-inspection"))});
    ASSERT_EQ(ingested.exitCode, 0) << ingested.err;
    const archive::ArchiveRegistry registry(registryPath(), archive::ArchiveRegistry::Access::ReadOnly);
    for (const std::string& id : registry.documentIds()) {
      (registry.document(id)->classification.empty() ? open : classified) = id;
    }
    ASSERT_FALSE(open.empty());
    ASSERT_FALSE(classified.empty());
  }
  std::string registryPath() const { return archive::openArchive(dir).registryPath(); }

  CommandResult borrow(const std::string& id, const std::string& person,
                       const std::vector<std::string>& approvers,
                       const std::vector<std::string>& flags = {}) const {
    std::vector<std::string> args = {"borrow", id,     "--archive", dir,   "--policy", bureau().policyPath(),
                                     "--as",   person, "--format",  "json"};
    if (!approvers.empty()) args.push_back("--approved-by");
    args.insert(args.end(), approvers.begin(), approvers.end());
    args.insert(args.end(), flags.begin(), flags.end());
    return archiveCli(args);
  }
  // Borrows and expects the loan granted; returns its id.
  std::string granted(const std::string& id, const std::string& person,
                      const std::vector<std::string>& approvers,
                      const std::vector<std::string>& flags = {}) const {
    const CommandResult result = borrow(id, person, approvers, flags);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    return result.exitCode == 0 ? json::parse(result.out)["loan"].get<std::string>() : "";
  }
  // Borrows and expects the refusal `code` by `rule`, logged as a refusal event.
  void refused(const std::string& id, const std::string& person, const std::vector<std::string>& approvers,
               const std::string& code, const std::string& rule,
               const std::vector<std::string>& flags = {}) const {
    const std::size_t before = events().size();
    const CommandResult result = borrow(id, person, approvers, flags);
    EXPECT_EQ(result.exitCode, 4) << result.out << result.err;
    EXPECT_NE(result.err.find("error[" + code + "]"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    const std::vector<archive::ArchiveEvent> after = events();
    ASSERT_EQ(after.size(), before + 1) << "the refusal is logged";
    EXPECT_EQ(after.back().kind, "refusal");
    EXPECT_EQ(after.back().documentId, id);
    const json detail = json::parse(after.back().detail);
    EXPECT_EQ(detail["code"], code);
    EXPECT_EQ(detail["rule"], rule);
    EXPECT_EQ(detail["person"], person);
  }
  std::vector<archive::ArchiveEvent> events() const {
    const archive::ArchiveRegistry registry(registryPath(), archive::ArchiveRegistry::Access::ReadOnly);
    return archive::readEvents(registry);
  }
  // The loans not returned, as "person document" lines, read with the sqlite3 command.
  std::string outstanding() const {
    return run({"sqlite3", registryPath(),
                "SELECT person, document_id FROM loans WHERE loan_id NOT IN (SELECT loan_id FROM "
                "loan_returns)"})
        .out;
  }

  TempDir tmp;
  std::string dir = tmp.file("archive");
  std::string open, classified;
};

TEST_F(ArchiveLending, StaffApprovedByTheirOwnDeputyMayTakeAFileAway) {
  const CommandResult result = borrow(open, "chengban", {"fenguan-liu"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const json loan = json::parse(result.out);
  EXPECT_EQ(loan["loan"], "LOAN-000001");
  EXPECT_EQ(loan["document"], open);
  EXPECT_EQ(loan["approvers"], json::array({"fenguan-liu"}));
  EXPECT_FALSE(loan["readingRoom"]);
  EXPECT_TRUE(loan["returnedAt"].is_null());
  EXPECT_EQ(events().back().kind, "borrow");
  EXPECT_EQ(outstanding(), "chengban|" + open + "\n");
}

TEST_F(ArchiveLending, StaffWithoutTheirDeputysApprovalAreRefusedAndTheRefusalIsLogged) {
  refused(open, "chengban", {}, "policy.loan-approval-missing", "staff");
  refused(open, "chengban", {"fenguan-zhang"}, "policy.loan-approval-missing", "staff");
  refused(open, "chengban", {"juzhang"}, "policy.loan-approval-missing", "staff");
  EXPECT_EQ(outstanding(), "");
}

TEST_F(ArchiveLending, OutsidersNeedTheDeputyAndTheDirectorAndReadInTheReadingRoom) {
  refused(open, "市档案馆 何平", {"fenguan-zhang"}, "policy.loan-approval-missing", "outsider",
          {"--outsider"});
  refused(open, "市档案馆 何平", {"fenguan-zhang", "juzhang"}, "policy.loan-reading-room", "outsider",
          {"--outsider"});
  const std::string loan =
      granted(open, "市档案馆 何平", {"fenguan-zhang", "juzhang"}, {"--outsider", "--reading-room"});
  EXPECT_EQ(loan, "LOAN-000001");
}

TEST_F(ArchiveLending, ClassifiedFilesNeedTheDeputyAndStayInTheReadingRoom) {
  refused(classified, "chengban", {}, "policy.loan-approval-missing", "staff", {"--reading-room"});
  refused(classified, "chengban", {"fenguan-liu"}, "policy.loan-reading-room", "classified");
  refused(classified, "juzhang", {}, "policy.loan-approval-missing", "staff", {"--reading-room"});
  granted(classified, "chengban", {"fenguan-liu"}, {"--reading-room"});
  granted(classified, "juzhang", {"fenguan-zhang"}, {"--reading-room"});
}

TEST_F(ArchiveLending, AReturnIsAddedNeverAChangeAndCannotBeRepeated) {
  const std::string loan = granted(open, "chengban", {"fenguan-liu"});
  const CommandResult returned = archiveCli({"return", loan, "--archive", dir, "--format", "json"});
  ASSERT_EQ(returned.exitCode, 0) << returned.err;
  EXPECT_FALSE(json::parse(returned.out)["returnedAt"].is_null());
  EXPECT_EQ(outstanding(), "");
  EXPECT_EQ(events().back().kind, "return");
  const CommandResult again = archiveCli({"return", loan, "--archive", dir});
  EXPECT_EQ(again.exitCode, 3);
  EXPECT_NE(again.err.find("error[archive.loan-returned]"), std::string::npos) << again.err;
  const CommandResult unknown = archiveCli({"return", "LOAN-999999", "--archive", dir});
  EXPECT_EQ(unknown.exitCode, 3);
  EXPECT_NE(unknown.err.find("error[archive.unknown-loan]"), std::string::npos) << unknown.err;
  // The loan's row is as it was borrowed: the registry refuses to change it.
  const CommandResult update = run({"sqlite3", registryPath(), "UPDATE loans SET person = 'x'"});
  EXPECT_NE(update.exitCode, 0);
}

TEST_F(ArchiveLending, FindShowsWhatIsOutOnLoanUntilItComesBack) {
  const auto onLoan = [this] {
    const CommandResult found = archiveCli({"find", "--archive", dir, "--format", "json"});
    EXPECT_EQ(found.exitCode, 0) << found.err;
    std::map<std::string, bool> out;
    for (const json& document : json::parse(found.out)) out[document["id"]] = document["onLoan"];
    return out;
  };
  EXPECT_EQ(onLoan(), (std::map<std::string, bool>{{open, false}, {classified, false}}));
  const std::string loan = granted(open, "chengban", {"fenguan-liu"});
  refused(classified, "chengban", {"fenguan-liu"}, "policy.loan-reading-room", "classified");
  EXPECT_EQ(onLoan(), (std::map<std::string, bool>{{open, true}, {classified, false}}));
  const CommandResult text = archiveCli({"find", "--archive", dir});
  EXPECT_NE(text.out.find("[借出]"), std::string::npos) << text.out;
  ASSERT_EQ(archiveCli({"return", loan, "--archive", dir}).exitCode, 0);
  EXPECT_EQ(onLoan(), (std::map<std::string, bool>{{open, false}, {classified, false}}));
}

TEST_F(ArchiveLending, UnknownDocumentsPeopleAndMissingOptionsAreClearErrors) {
  const CommandResult unknown = borrow("GW-0000-000000", "chengban", {"fenguan-liu"});
  EXPECT_EQ(unknown.exitCode, 3);
  EXPECT_NE(unknown.err.find("error[archive.unknown-document]"), std::string::npos) << unknown.err;
  refused(open, "nobody", {"fenguan-liu"}, "policy.unknown-person", "");
  refused(open, "fenguan-liu", {"fenguan-liu"}, "policy.loan-self-approval", "");
  const CommandResult noPolicy = archiveCli({"borrow", open, "--archive", dir, "--as", "chengban"});
  EXPECT_EQ(noPolicy.exitCode, 2) << noPolicy.err;
}

TEST_F(ArchiveLending, RefusalsAndLoansKeepTheEventChainWhole) {
  refused(open, "chengban", {}, "policy.loan-approval-missing", "staff");
  const std::string loan = granted(open, "chengban", {"fenguan-liu"});
  ASSERT_EQ(archiveCli({"return", loan, "--archive", dir}).exitCode, 0);
  const CommandResult audit = archiveCli({"audit", "--archive", dir});
  EXPECT_EQ(audit.exitCode, 0) << audit.out << audit.err;
}

}  // namespace
}  // namespace gongwen::testing
