// The archive's layout, registry and event log: init, the append-only tables, the event chain.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistrySchema.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "tests/support/TestSupport.h"

namespace gongwen::archive {
namespace {

using testing::TempDir;

DocumentRecord sampleDocument(const std::string& id, long long sequence, const std::string& number) {
  DocumentRecord d;
  d.id = id;
  d.sequence = sequence;
  d.number = number;
  d.title = "关于开展安全检查的通知";
  d.kind = "通知";
  d.templateId = "notice";
  d.organ = "某市人民政府";
  d.date = "2026-01-31";
  d.pdfSha256 = std::string(63, '0') + std::to_string(sequence);
  d.pdfSize = 1234;
  d.pages = 2;
  d.ingestedAt = "2026-02-01T08:00:00Z";
  d.signatures.push_back({1, "approve-1", "approve", "chief", "张三", "局长", "", "CN=张三",
                          "2026-01-31T08:00:00Z", "timestamp", false});
  d.files.push_back({"data/document.pdf", d.pdfSha256, 1234});
  d.text = "各区县人民政府：现将有关事项通知如下。";
  return d;
}

bool execute(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

TEST(ArchiveInit, CreatesDefaultRootsAndRegistry) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  const ArchiveLayout layout = initArchive(dir, {});
  EXPECT_EQ(layout.replicas()[0], dir + "/original");
  EXPECT_EQ(layout.replicas()[2], dir + "/copy-2");
  for (const std::string& root : layout.replicas()) EXPECT_TRUE(std::filesystem::is_directory(root));
  EXPECT_TRUE(std::filesystem::is_regular_file(layout.registryPath()));
  ASSERT_TRUE(findArchive(dir).has_value());
  EXPECT_EQ(findArchive(dir)->replicas(), layout.replicas());
}

TEST(ArchiveInit, NamedRootsAreKeptAndAnotherInitWithOtherRootsIsRefused) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  const ArchiveLayout layout = initArchive(dir, {tmp.file("a"), tmp.file("b"), tmp.file("c")});
  EXPECT_EQ(openArchive(dir).replicas()[1], tmp.file("b"));
  const std::string config = readFile(layout.configPath());
  EXPECT_NO_THROW(initArchive(dir, {tmp.file("a"), tmp.file("b"), tmp.file("c")}));
  EXPECT_EQ(readFile(layout.configPath()), config);
  try {
    initArchive(dir, {});
    FAIL() << "init with other roots was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "archive.exists");
  }
  EXPECT_EQ(readFile(layout.configPath()), config);
}

TEST(ArchiveInit, RefusesTheSameRootTwiceAndAMissingArchive) {
  TempDir tmp;
  EXPECT_THROW(initArchive(tmp.file("x"), {tmp.file("a"), tmp.file("a"), tmp.file("c")}), Error);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("x")));
  try {
    openArchive(tmp.file("nothing"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "archive.missing");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  }
}

TEST(ArchiveRegistry, StoresADocumentWithItsRows) {
  TempDir tmp;
  ArchiveRegistry registry(tmp.file("registry.sqlite"), ArchiveRegistry::Access::ReadWrite);
  {
    ArchiveRegistry::Transaction transaction(registry);
    EXPECT_EQ(registry.nextDocumentSequence(), 1);
    DocumentRecord d = sampleDocument("2026-000001", 1, "某政发〔2026〕3号");
    d.organCode = "某政发";
    d.year = 2026;
    d.serial = 3;
    registry.insertDocument(d);
    transaction.commit();
  }
  const std::optional<DocumentRecord> read = registry.document("2026-000001");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->number, "某政发〔2026〕3号");
  EXPECT_EQ(read->serial, 3);
  ASSERT_EQ(read->signatures.size(), 1u);
  EXPECT_EQ(read->signatures[0].personName, "张三");
  ASSERT_EQ(read->files.size(), 1u);
  EXPECT_EQ(read->text, "各区县人民政府：现将有关事项通知如下。");
  EXPECT_EQ(registry.outgoingIdByNumber("某政发〔2026〕3号"), "2026-000001");
  EXPECT_EQ(registry.idByPdfSha256(read->pdfSha256), "2026-000001");
  EXPECT_EQ(registry.nextDocumentSequence(), 2);
}

TEST(ArchiveRegistry, AnOutgoingNumberIsTakenOnce) {
  TempDir tmp;
  ArchiveRegistry registry(tmp.file("registry.sqlite"), ArchiveRegistry::Access::ReadWrite);
  ArchiveRegistry::Transaction transaction(registry);
  registry.insertDocument(sampleDocument("2026-000001", 1, "某政发〔2026〕3号"));
  EXPECT_THROW(registry.insertDocument(sampleDocument("2026-000002", 2, "某政发〔2026〕3号")), Error);
}

TEST(ArchiveRegistry, EveryTableRefusesUpdateAndDelete) {
  TempDir tmp;
  ArchiveRegistry registry(tmp.file("registry.sqlite"), ArchiveRegistry::Access::ReadWrite);
  {
    // A row in every table: the triggers fire only on rows.
    ArchiveRegistry::Transaction transaction(registry);
    DocumentRecord d = sampleDocument("2026-000001", 1, "");
    d.sealUses.push_back({2, "administrative-seal", "seal", "2026-01-31T09:00:00Z", 7, std::string(64, 'a')});
    d.incomingEntry = IncomingRecord{"2026-02-01T08:00:00Z", "某省厅", d.title, "", "特急", "", "局长"};
    registry.insertDocument(d);
    appendEvent(registry, EventKind::Ingest, d.id, "{}", 1769846400);
    ASSERT_TRUE(
        execute(registry.db(), "INSERT INTO loans VALUES ('L1', '2026-000001', 'p', '[]', 0, 0, 't')"));
    ASSERT_TRUE(execute(registry.db(), "INSERT INTO loan_returns VALUES ('L1', 't')"));
    transaction.commit();
  }
  int tables = 0;
  for (const RegistryObject& object : registrySchema()) {
    if (object.type != "table") continue;
    ++tables;
    EXPECT_FALSE(execute(registry.db(), "UPDATE " + object.name + " SET rowid = rowid")) << object.name;
    EXPECT_NE(std::string(sqlite3_errmsg(registry.db())).find("append-only"), std::string::npos);
    EXPECT_FALSE(execute(registry.db(), "DELETE FROM " + object.name)) << object.name;
    EXPECT_NE(std::string(sqlite3_errmsg(registry.db())).find("append-only"), std::string::npos);
  }
  EXPECT_EQ(tables, 9);
}

TEST(ArchiveRegistry, AnExistingRegistryIsNotRepairedOnOpen) {
  TempDir tmp;
  const std::string path = tmp.file("registry.sqlite");
  {
    ArchiveRegistry registry(path, ArchiveRegistry::Access::ReadWrite);
    ASSERT_TRUE(execute(registry.db(), "DROP TRIGGER events_append_only_delete"));
  }
  ArchiveRegistry again(path, ArchiveRegistry::Access::ReadWrite);
  EXPECT_TRUE(execute(again.db(), "DELETE FROM events"));
}

class EventChain : public ::testing::Test {
 protected:
  void SetUp() override {
    ArchiveRegistry::Transaction transaction(registry);
    for (int i = 0; i < 4; ++i)
      appendEvent(registry, EventKind::Ingest, "2026-00000" + std::to_string(i + 1),
                  "{\"n\":" + std::to_string(i) + "}", 1769846400 + i);
    transaction.commit();
    ASSERT_FALSE(verifyEventChain(registry));
    ASSERT_TRUE(execute(registry.db(), "DROP TRIGGER events_append_only_update"));
    ASSERT_TRUE(execute(registry.db(), "DROP TRIGGER events_append_only_delete"));
  }
  TempDir tmp;
  ArchiveRegistry registry{tmp.file("registry.sqlite"), ArchiveRegistry::Access::ReadWrite};
};

TEST_F(EventChain, LinksEachEventToTheOneBefore) {
  const std::vector<ArchiveEvent> events = readEvents(registry);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].previousHash, std::string(64, '0'));
  EXPECT_EQ(events[2].previousHash, events[1].hash);
  EXPECT_EQ(events[3].kind, "ingest");
  EXPECT_EQ(readEvents(registry, std::string("2026-000002")).size(), 1u);
}

TEST_F(EventChain, AnEditedEventIsDetected) {
  ASSERT_TRUE(execute(registry.db(), "UPDATE events SET detail = '{\"n\":9}' WHERE seq = 3"));
  const std::optional<ChainBreak> broken = verifyEventChain(registry);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 3);
  EXPECT_NE(broken->problem.find("altered"), std::string::npos);
}

TEST_F(EventChain, ADeletedEventIsDetected) {
  ASSERT_TRUE(execute(registry.db(), "DELETE FROM events WHERE seq = 2"));
  const std::optional<ChainBreak> broken = verifyEventChain(registry);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 2);
}

TEST_F(EventChain, ReorderedEventsAreDetected) {
  ASSERT_TRUE(execute(registry.db(), "UPDATE events SET seq = 100 WHERE seq = 2"));
  ASSERT_TRUE(execute(registry.db(), "UPDATE events SET seq = 2 WHERE seq = 3"));
  ASSERT_TRUE(execute(registry.db(), "UPDATE events SET seq = 3 WHERE seq = 100"));
  const std::optional<ChainBreak> broken = verifyEventChain(registry);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->sequence, 2);
}

}  // namespace
}  // namespace gongwen::archive
