// The batch state in PostgreSQL: a transition replaces a document's record whole and is seen by
// another shard's process; a read-only store creates nothing and refuses to write.

#include <gtest/gtest.h>

#include "pipeline/batch/ServerBatchStateStore.h"
#include "pipeline/core/Error.h"
#include "tests/batch/ForkedWorkers.h"
#include "tests/batch/ServerFixture.h"

namespace gongwen::testing {
namespace {

using batch::DocumentRecord;
using batch::DocumentState;
using batch::ServerBatchStateStore;

DocumentRecord waiting(const std::string& key) {
  DocumentRecord r;
  r.key = key;
  r.job = r.source = "/in/" + key + ".xml";
  r.relativePath = key + ".xml";
  r.state = DocumentState::Waiting;
  r.stage = "sign";
  r.pdf = "/work/docs/" + key + "/02.pdf";
  r.signatures = 2;
  r.chain = "bureau-document";
  r.waitingFor = "局长签发 — 王建国";
  r.waitingStep = "director-signoff";
  r.waitingPeople = {"juzhang", "changwu"};
  r.updated = 1764400000;
  return r;
}

class ServerStateStoreTest : public ServerTest {};

TEST_F(ServerStateStoreTest, ATransitionReplacesTheRecordWhole) {
  { ServerBatchStateStore(url(), false).record(waiting("a")); }
  ServerBatchStateStore store(url(), false);
  std::optional<DocumentRecord> found = store.find("a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->waitingFor, "局长签发 — 王建国");
  EXPECT_EQ(found->waitingPeople, (std::vector<std::string>{"juzhang", "changwu"}));
  EXPECT_EQ(found->signatures, 2);
  EXPECT_EQ(found->updated, 1764400000);

  DocumentRecord done = waiting("a");
  done.state = DocumentState::Done;
  done.stage = "archive";
  done.waitingFor.clear();
  done.waitingPeople.clear();
  done.archiveId = "GW-1";
  store.record(done);
  found = store.find("a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->state, DocumentState::Done);
  EXPECT_TRUE(found->waitingPeople.empty());
  EXPECT_EQ(found->archiveId, "GW-1");
  EXPECT_EQ(store.all().size(), 1u);
  EXPECT_FALSE(store.find("b"));
}

TEST_F(ServerStateStoreTest, ShardsWriteAtOnceAndSeeEachOther) {
  ServerBatchStateStore(url(), false);
  ASSERT_TRUE(inForkedWorkers(2, [&](int shard) {
    ServerBatchStateStore store(url(), false);
    for (int i = 0; i < 20; ++i) store.record(waiting(std::to_string(shard) + "-" + std::to_string(i)));
  }));
  EXPECT_EQ(ServerBatchStateStore(url(), true).all().size(), 40u);
}

TEST_F(ServerStateStoreTest, ReadOnlyCreatesNothingAndRefusesToWrite) {
  ServerBatchStateStore store(url(), true);
  EXPECT_TRUE(store.all().empty());
  EXPECT_THROW(store.record(waiting("a")), Error);
  EXPECT_NE(server().psql(url(), "SELECT 1 FROM batch_document").exitCode, 0);
}

}  // namespace
}  // namespace gongwen::testing
