// A revision the batch signs and follows at once with the next approval is held in memory
// (pipeline/batch/DocumentPipeline.cpp): in the work directory are the rendered PDF, the approved one
// (written before its seal's row is registered) and the sealed one; a document that stops keeps the
// revision it stops at. A kill while a revision is held loses only signatures the rerun makes again:
// the rerun archives the document with one seal use.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

std::vector<std::string> pdfsIn(const std::string& docs) {
  std::vector<std::string> names;
  for (const auto& folder : fs::directory_iterator(docs))
    for (const auto& file : fs::directory_iterator(folder.path()))
      if (file.path().extension() == ".pdf") names.push_back(file.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(BatchHeldRevisions, OnlyTheRenderedTheApprovedAndTheSealedPdfAreWritten) {
  BatchBureau bureau;
  writeNotices(bureau, 1);
  const CommandResult done = bureau.batch({bureau.jobs(), "--keys", bureau.keyring()});
  ASSERT_EQ(done.exitCode, 0) << done.out << done.err;
  EXPECT_EQ(
      pdfsIn(bureau.archive() + "/work/docs"),
      (std::vector<std::string>{"00-rendered.pdf", "03-director-signoff.pdf", "04-administrative-seal.pdf"}));
}

TEST(BatchHeldRevisions, ADocumentThatWaitsKeepsTheRevisionItWaitsAt) {
  BatchBureau bureau;
  writeNotices(bureau, 1);
  const std::string withoutDirector =
      bureau.keyringWithout({"juzhang", "changwu"}, "keyring-no-director.xml");
  const CommandResult waiting = bureau.batch({bureau.jobs(), "--keys", withoutDirector});
  ASSERT_EQ(waiting.exitCode, 0) << waiting.out << waiting.err;
  EXPECT_EQ(pdfsIn(bureau.archive() + "/work/docs"),
            (std::vector<std::string>{"00-rendered.pdf", "02-deputy-review.pdf"}));
  const auto recorded = query(bureau.archive() + "/work/state.sqlite", "SELECT state, pdf FROM document");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0][0], "waiting");
  EXPECT_EQ(fs::path(recorded[0][1]).filename(), "02-deputy-review.pdf");
}

TEST(BatchHeldRevisions, AKillWhileARevisionIsHeldLosesNothingThatIsRegistered) {
  BatchBureau bureau;
  writeNotices(bureau, 1);
  // The second signature of the notice is made and held when the process is killed.
  const CommandResult killed =
      bureau.batch({bureau.jobs(), "--keys", bureau.keyring()}, {"GONGWEN_TEST_KILL_AT=signed#2"});
  ASSERT_NE(killed.exitCode, 0) << killed.out;
  EXPECT_EQ(pdfsIn(bureau.archive() + "/work/docs"), (std::vector<std::string>{"00-rendered.pdf"}));
  const CommandResult rerun = bureau.batch({bureau.jobs(), "--keys", bureau.keyring()});
  ASSERT_EQ(rerun.exitCode, 0) << rerun.out << rerun.err;
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0], "1");
  EXPECT_EQ(query(bureau.registerPath(), "SELECT count(*) FROM seal_use")[0][0], "1");
}

}  // namespace
}  // namespace gongwen::testing::batchfx
