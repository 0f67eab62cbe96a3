#include <gtest/gtest.h>

#include <map>

#include "pipeline/archive/RegistryStore.h"
#include "pipeline/core/Error.h"
#include "tests/batch/ForkedWorkers.h"
#include "tests/batch/ServerFixture.h"

namespace gongwen::testing {
namespace {

using archive::DocumentRecord;
using archive::RegistryAccess;

const std::time_t kWhen = 1795000000;

// A registry entry as ingest writes one (the registry stores what it is given; the PDFs are the
// archive tests' business).
DocumentRecord document(int n, long long sequence) {
  DocumentRecord d;
  d.id = "GW-" + std::to_string(n);
  d.sequence = sequence;
  d.number = "示例发〔2026〕" + std::to_string(n) + "号";
  d.organCode = "示例发";
  d.year = 2026;
  d.serial = n;
  d.title = "关于第" + std::to_string(n) + "号的通知";
  d.kind = "通知";
  d.templateId = "notice";
  d.organ = "示例局";
  d.date = "2026-11-27";
  d.pdfSha256 = std::string(63, 'a') + static_cast<char>('0' + n % 10) + std::to_string(n);
  d.pdfSize = 1000 + n;
  d.pages = 2;
  d.ingestedAt = "2026-11-27T09:00:00Z";
  d.signatures.push_back({1, "approval-1", "签发", "juzhang", "王建国", "局长", "", "CN=王建国",
                          "2026-11-27T08:00:00Z", "tsa", false});
  d.sealUses.push_back({2, "administrative-seal", "seal", "2026-11-27T08:30:00Z", std::nullopt, ""});
  d.files.push_back({"data/document.pdf", d.pdfSha256, d.pdfSize});
  d.text = "正文";
  return d;
}

class ServerArchiveRegistryTest : public ServerTest {
 protected:
  std::unique_ptr<archive::RegistryStore> open() {
    return archive::openRegistryStore(url(), RegistryAccess::ReadWrite);
  }
  void registerDocument(archive::RegistryStore& store, int n) {
    store.registerDocuments(
        {{document(n, store.nextDocumentSequence()), "{\"n\":" + std::to_string(n) + "}"}}, kWhen);
  }
};

TEST_F(ServerArchiveRegistryTest, RegistersDocumentsWithTheirIngestEvents) {
  auto store = open();
  registerDocument(*store, 1);
  registerDocument(*store, 2);
  EXPECT_EQ(store->documentIds(), (std::vector<std::string>{"GW-1", "GW-2"}));
  EXPECT_EQ(store->idByPdfSha256(document(2, 0).pdfSha256), "GW-2");
  EXPECT_EQ(store->outgoingIdByNumber(document(1, 0).number), "GW-1");
  EXPECT_EQ(store->nextDocumentSequence(), 3);
  const auto events = store->events(std::string("GW-2"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "ingest");
  EXPECT_EQ(events[0].sequence, 2);
  EXPECT_EQ(events[0].hash, archive::eventHash(events[0]));  // the chain the SQLite registry computes
  EXPECT_FALSE(store->verifyEvents());
  EXPECT_TRUE(store->schemaProblems().empty());
}

TEST_F(ServerArchiveRegistryTest, EveryTableRefusesUpdateDeleteAndTruncate) {
  registerDocument(*open(), 1);
  for (const char* statement :
       {"UPDATE documents SET title = 'x'", "DELETE FROM signatures", "UPDATE seal_uses SET seal = 'x'",
        "DELETE FROM files", "UPDATE document_text SET text = 'x'", "UPDATE events SET detail = '{}'",
        "DELETE FROM events", "TRUNCATE events", "TRUNCATE documents CASCADE"}) {
    const CommandResult refused = server().psql(url(), statement);
    EXPECT_NE(refused.exitCode, 0) << statement;
    EXPECT_NE(refused.err.find("append-only"), std::string::npos) << statement << ": " << refused.err;
  }
  EXPECT_EQ(open()->documentIds().size(), 1u);
}

TEST_F(ServerArchiveRegistryTest, AnEditedOrDeletedEventIsFound) {
  auto store = open();
  for (int n = 1; n <= 3; ++n) registerDocument(*store, n);
  ASSERT_EQ(server().psql(url(), "DROP TRIGGER events_append_only_update ON events").exitCode, 0);
  const std::vector<archive::SchemaProblem> problems = store->schemaProblems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].name, "events_append_only_update");
  ASSERT_EQ(server().psql(url(), "UPDATE events SET detail = '{\"n\":9}' WHERE seq = 2").exitCode, 0);
  std::optional<archive::ChainBreak> broken = store->verifyEvents();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 2);
  EXPECT_NE(broken->problem.find("was altered"), std::string::npos) << broken->problem;

  ASSERT_EQ(server().psql(url(), "UPDATE events SET detail = '{\"n\":2}' WHERE seq = 2").exitCode, 0);
  EXPECT_FALSE(store->verifyEvents());
  ASSERT_EQ(
      server()
          .psql(url(), "DROP TRIGGER events_append_only_delete ON events; DELETE FROM events WHERE seq = 1")
          .exitCode,
      0);
  broken = store->verifyEvents();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 1);
  EXPECT_NE(broken->problem.find("is missing"), std::string::npos) << broken->problem;
}

TEST_F(ServerArchiveRegistryTest, AnAlteredTableAndADroppedIndexAreSchemaProblems) {
  auto store = open();
  registerDocument(*store, 1);
  ASSERT_EQ(
      server().psql(url(), "ALTER TABLE loans ADD COLUMN note TEXT; DROP INDEX events_document").exitCode, 0);
  const std::vector<archive::SchemaProblem> problems = store->schemaProblems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].name, "loans");
  EXPECT_EQ(problems[0].problem, "not as created (its columns differ)");
  EXPECT_EQ(problems[1].name, "events_document");
  EXPECT_EQ(problems[1].problem, "missing");
}

TEST_F(ServerArchiveRegistryTest, ATakenNumberRefusesTheWholeTransaction) {
  auto store = open();
  registerDocument(*store, 1);
  DocumentRecord fresh = document(2, 2), clash = document(3, 3);
  clash.number = document(1, 0).number;
  try {
    store->registerDocuments({{fresh, "{}"}, {clash, "{}"}}, kWhen);
    FAIL() << "a 发文字号 was given twice";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "archive.number-taken");
    EXPECT_NE(std::string(e.what()).find("GW-1"), std::string::npos);
  }
  EXPECT_EQ(store->documentIds(), std::vector<std::string>{"GW-1"});
  EXPECT_EQ(store->events().size(), 1u);
}

// Two shards that meet on the same documents (the same input given twice) register each once; the
// event log keeps one order.
TEST_F(ServerArchiveRegistryTest, ShardsMeetingOnTheSameDocumentsRegisterEachOnce) {
  open();
  const int documents = 12;
  const bool ok = inForkedWorkers(2, [&](int shard) {
    auto store = archive::openRegistryStore(url(), RegistryAccess::ReadWrite);
    for (int n = 1; n <= documents; ++n) {
      // A refusal (the other shard took the sequence or the document meanwhile) is retried as
      // ingest retries: until the document is in the registry.
      for (int attempt = 0; attempt < 50 && !store->idByPdfSha256(document(n, 0).pdfSha256); ++attempt) {
        try {
          registerDocument(*store, n);
        } catch (const Error&) {
        }
      }
      store->appendEvent(archive::EventKind::Audit, "", "{\"shard\":" + std::to_string(shard) + "}", kWhen);
    }
  });
  ASSERT_TRUE(ok);
  auto store = open();
  EXPECT_EQ(store->documentIds().size(), static_cast<std::size_t>(documents));
  std::map<std::string, int> ingests;
  for (const auto& event : store->events()) ingests[event.kind] += 1;
  EXPECT_EQ(ingests["ingest"], documents);
  EXPECT_EQ(ingests["audit"], 2 * documents);
  EXPECT_FALSE(store->verifyEvents());
}

}  // namespace
}  // namespace gongwen::testing
