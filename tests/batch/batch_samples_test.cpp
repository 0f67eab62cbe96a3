// Every sample kind — 公文 of each chain, leave slips, vouchers and the replies of the proposals
// register — from samples/ (where the policy and the keyring lie too, and are passed over) through
// the whole pipeline into the archive; the archive audits clean; a second run does nothing and says
// so; --dry-run changes nothing.

#include <gtest/gtest.h>

#include <set>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

TEST(BatchSamples, EveryKindGoesFromDraftToArchiveAndASecondRunDoesNothing) {
  BatchBureau bureau;
  const CommandResult first = bureau.batch(
      {sourcePath("samples"), "--keys", bureau.keyring(), "-j", "2", "--report", bureau.file("report.json")});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
  const nlohmann::json report = readReport(bureau.file("report.json"));
  std::set<std::string> chains;
  std::size_t replies = 0;
  for (const auto& d : report["documents"]) {
    EXPECT_EQ(d["state"], "done") << d.dump();
    EXPECT_FALSE(d["archiveId"].get<std::string>().empty()) << d.dump();
    EXPECT_TRUE(d["timings"].contains("render")) << d.dump();
    chains.insert(d["chain"].get<std::string>());
    replies += d["source"].get<std::string>().find("proposals.csv:row ") != std::string::npos;
  }
  const std::size_t jobs = sampleJobs().size() + sampleFormJobs().size();
  EXPECT_EQ(report["documents"].size(), jobs + replies);
  EXPECT_GE(replies, 12u);
  for (const char* chain :
       {"bureau-document", "joint-document", "meeting-minutes", "proposal-ordinary", "proposal-important",
        "reimbursement", "leave-short-staff", "leave-short-leader", "leave-long", "leave-statutory"})
    EXPECT_TRUE(chains.count(chain)) << chain;
  // Each document archived once; each seal step stamped once.
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0],
            std::to_string(jobs + replies));
  const auto seals = query(bureau.registerPath(),
                           "SELECT count(*), count(DISTINCT document_sha256 || seal || step) FROM seal_use");
  EXPECT_EQ(seals[0][0], seals[0][1]);

  const CommandResult audit =
      run({gongwenBinary(), "archive", "audit", "--archive", bureau.archive(), "--policy", bureau.policy()});
  EXPECT_EQ(audit.exitCode, 0) << audit.out << audit.err;

  const std::string before = readFile(bureau.archive() + "/registry.sqlite");
  const CommandResult second = bureau.batch({sourcePath("samples"), "--keys", bureau.keyring()});
  EXPECT_EQ(second.exitCode, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("nothing to do: all " + std::to_string(jobs + replies) +
                            " documents are archived already"),
            std::string::npos)
      << second.out;
  EXPECT_EQ(second.out.find("\ndone "), std::string::npos) << second.out;
  EXPECT_EQ(readFile(bureau.archive() + "/registry.sqlite"), before);
}

TEST(BatchSamples, DryRunSaysWhatItWouldDoAndChangesNothing) {
  BatchBureau bureau;
  const CommandResult dry =
      bureau.batch({sourcePath("samples/jobs"), "--keys", bureau.keyring(), "--dry-run"});
  EXPECT_EQ(dry.exitCode, 0) << dry.out << dry.err;
  EXPECT_NE(
      dry.out.find("plan     " + sourcePath("samples/jobs/notice-risk-inspection.xml") + "  would render"),
      std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("dry run: nothing was changed"), std::string::npos) << dry.out;
  EXPECT_FALSE(fs::exists(bureau.archive()));
  EXPECT_FALSE(fs::exists(bureau.file("registry")));
}

TEST(BatchSamples, AFileThatIsNoJobIsAUsageErrorAndAFolderPassesItOver) {
  BatchBureau bureau;
  const CommandResult policyAsJob = bureau.batch({bureau.policy()});
  EXPECT_EQ(policyAsJob.exitCode, 2) << policyAsJob.err;
  EXPECT_NE(policyAsJob.err.find("error[usage.batch-input]"), std::string::npos) << policyAsJob.err;
  const CommandResult badShard = bureau.batch({bureau.jobs(), "--shard", "3/2"});
  EXPECT_EQ(badShard.exitCode, 2) << badShard.err;
  EXPECT_NE(badShard.err.find("error[usage.shard]"), std::string::npos) << badShard.err;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
