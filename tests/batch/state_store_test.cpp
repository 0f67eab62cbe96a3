// The SQLite batch state: transitions replace a document's record whole, survive reopening, and are
// seen by a second store on the same work directory (another shard's process).

#include <gtest/gtest.h>

#include <thread>

#include "pipeline/batch/SqliteBatchStateStore.h"
#include "pipeline/core/Error.h"
#include "tests/support/TestSupport.h"

namespace gongwen::batch {
namespace {

DocumentRecord waitingNotice() {
  DocumentRecord r;
  r.key = std::string(64, 'a');
  r.job = "/in/notice.xml";
  r.source = "/in/notice.xml";
  r.relativePath = "notice.xml";
  r.state = DocumentState::Waiting;
  r.stage = "sign";
  r.pdf = "/work/docs/notice/02-deputy-review.pdf";
  r.signatures = 2;
  r.chain = "bureau-document";
  r.waitingFor = "局长签发 — 王建国";
  r.waitingStep = "director-signoff";
  r.waitingPeople = {"juzhang", "changwu"};
  r.updated = 1764400000;
  return r;
}

TEST(BatchStateStore, KeepsEveryFieldOfATransitionAcrossReopening) {
  testing::TempDir dir;
  { SqliteBatchStateStore(dir.path()).record(waitingNotice()); }
  const SqliteBatchStateStore store(dir.path());
  const auto found = store.find(std::string(64, 'a'));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->state, DocumentState::Waiting);
  EXPECT_EQ(found->waitingFor, "局长签发 — 王建国");
  EXPECT_EQ(found->waitingPeople, (std::vector<std::string>{"juzhang", "changwu"}));
  EXPECT_EQ(found->signatures, 2);
  EXPECT_EQ(found->pdf, "/work/docs/notice/02-deputy-review.pdf");
  EXPECT_EQ(found->updated, 1764400000);
  EXPECT_FALSE(store.find(std::string(64, 'b')));
}

// Two shards starting at once on a new work directory both switch its state file to WAL; SQLite
// refuses one of them at once, without waiting, to avoid a deadlock. Both must open.
TEST(BatchStateStore, ShardsOpeningANewStateFileAtOnceBothOpenIt) {
  for (int round = 0; round < 40; ++round) {
    testing::TempDir dir;
    std::vector<std::string> failures(3);
    std::vector<std::thread> shards;
    for (std::size_t i = 0; i < failures.size(); ++i)
      shards.emplace_back([&, i] {
        try {
          SqliteBatchStateStore(dir.path()).record(waitingNotice());
        } catch (const Error& e) {
          failures[i] = e.what();
        }
      });
    for (std::thread& shard : shards) shard.join();
    for (const std::string& failure : failures) ASSERT_EQ(failure, "") << "round " << round;
  }
}

TEST(BatchStateStore, ATransitionReplacesTheRecordWholeAndAnotherProcessSeesIt) {
  testing::TempDir dir;
  SqliteBatchStateStore first(dir.path());
  SqliteBatchStateStore second(dir.path());
  first.record(waitingNotice());
  DocumentRecord done = waitingNotice();
  done.state = DocumentState::Done;
  done.stage = "archive";
  done.waitingFor.clear();
  done.waitingStep.clear();
  done.waitingPeople.clear();
  done.archiveId = "2026-0001";
  second.record(done);
  const std::vector<DocumentRecord> all = first.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].state, DocumentState::Done);
  EXPECT_TRUE(all[0].waitingPeople.empty());
  EXPECT_EQ(all[0].archiveId, "2026-0001");
}

// The store keeps its statements prepared between calls: none of them may hold on to what it read.
TEST(BatchStateStore, AStoreThatReadARecordSeesAnotherProcesssLaterTransitionOfIt) {
  testing::TempDir dir;
  SqliteBatchStateStore first(dir.path());
  SqliteBatchStateStore second(dir.path());
  first.record(waitingNotice());
  ASSERT_EQ(first.find(std::string(64, 'a'))->state, DocumentState::Waiting);
  DocumentRecord done = waitingNotice();
  done.state = DocumentState::Done;
  done.archiveId = "2026-0001";
  second.record(done);
  EXPECT_EQ(first.find(std::string(64, 'a'))->state, DocumentState::Done);
  done.archiveId = "2026-0002";
  first.record(done);
  EXPECT_EQ(second.find(std::string(64, 'a'))->archiveId, "2026-0002");
}

TEST(BatchStateStore, StateNamesRoundTrip) {
  for (DocumentState s :
       {DocumentState::Pending, DocumentState::Waiting, DocumentState::Done, DocumentState::Failed})
    EXPECT_EQ(documentStateNamed(toString(s)), s);
  EXPECT_FALSE(documentStateNamed("archived"));
}

}  // namespace
}  // namespace gongwen::batch
