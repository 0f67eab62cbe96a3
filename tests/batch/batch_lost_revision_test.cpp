// The batch writes a document's revisions in its work directory atomically but unflushed, and
// flushes them once per group before the archive takes them: a killed process loses none of them
// (the kernel keeps what was written), a power loss may. A document whose recorded PDF came back
// empty or cut short after a power loss goes on from the last whole revision it has, or from its
// job: the rerun archives it, and the archive audits clean.

#include <gtest/gtest.h>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

TEST(BatchLostRevision, ADocumentWhoseRecordedPdfTheDiskLostGoesOnFromWhatIsLeftAndIsArchived) {
  BatchBureau bureau;
  writeNotices(bureau, 2);
  const std::string withoutDirector =
      bureau.keyringWithout({"juzhang", "changwu"}, "keyring-no-director.xml");
  const CommandResult waiting = bureau.batch({bureau.jobs(), "--keys", withoutDirector});
  ASSERT_EQ(waiting.exitCode, 0) << waiting.out << waiting.err;
  const auto recorded =
      query(bureau.archive() + "/work/state.sqlite", "SELECT pdf FROM document ORDER BY pdf");
  ASSERT_EQ(recorded.size(), 2u);
  // As a power loss leaves an unflushed file: one emptied, one cut short before its %%EOF.
  // One has lost its last revision and its rendered PDF: it is rendered again. The other has lost
  // its last revision only: it goes on from the revision before.
  fs::resize_file(recorded[0][0], 0);
  fs::resize_file(fs::path(recorded[0][0]).parent_path() / "00-rendered.pdf", 0);
  fs::resize_file(recorded[1][0], fs::file_size(recorded[1][0]) / 2);
  const CommandResult rerun =
      bureau.batch({bureau.jobs(), "--keys", bureau.keyring(), "--report", bureau.file("report.json")});
  ASSERT_EQ(rerun.exitCode, 0) << rerun.out << rerun.err;
  EXPECT_EQ(readReport(bureau.file("report.json"))["totals"]["done"], 2);
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0], "2");
  const CommandResult audit =
      run({gongwenBinary(), "archive", "audit", "--archive", bureau.archive(), "--policy", bureau.policy()});
  EXPECT_EQ(audit.exitCode, 0) << audit.out;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
