#include "pipeline/archive/SqliteRegistryStore.h"

#include <map>

#include "pipeline/archive/RegistrySchema.h"
#include "pipeline/archive/RegistryStatement.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

std::optional<std::string> SqliteRegistryStore::idByPdfSha256(const std::string& sha256) const {
  return registry_.idByPdfSha256(sha256);
}

std::optional<std::string> SqliteRegistryStore::outgoingIdByNumber(const std::string& number) const {
  return registry_.outgoingIdByNumber(number);
}

bool SqliteRegistryStore::contains(const std::string& id) const { return registry_.contains(id); }

std::vector<std::string> SqliteRegistryStore::documentIds() const { return registry_.documentIds(); }

long long SqliteRegistryStore::nextDocumentSequence() const { return registry_.nextDocumentSequence(); }

void SqliteRegistryStore::registerDocuments(const std::vector<IngestedDocument>& documents,
                                            std::time_t when) {
  ArchiveRegistry::Transaction transaction(registry_);
  for (const IngestedDocument& document : documents) {
    const DocumentRecord& d = document.record;
    if (!d.incoming && !d.number.empty()) {
      if (const std::optional<std::string> taken = registry_.outgoingIdByNumber(d.number))
        throw policyError("archive.number-taken", "发文字号 " + d.number + " is already archived as " +
                                                      *taken + "; a 发文字号 is given once");
    }
    registry_.insertDocument(d);
    archive::appendEvent(registry_, EventKind::Ingest, d.id, document.ingestDetail, when);
  }
  transaction.commit();
}

ArchiveEvent SqliteRegistryStore::appendEvent(EventKind kind, const std::string& documentId,
                                              const std::string& detailJson, std::time_t when) {
  ArchiveRegistry::Transaction transaction(registry_);
  ArchiveEvent event = archive::appendEvent(registry_, kind, documentId, detailJson, when);
  transaction.commit();
  return event;
}

std::vector<ArchiveEvent> SqliteRegistryStore::events(const std::optional<std::string>& documentId) const {
  return readEvents(registry_, documentId);
}

std::optional<ChainBreak> SqliteRegistryStore::verifyEvents() const { return verifyEventChain(registry_); }

void SqliteRegistryStore::read(const std::function<void(RegistryReader&)>& body) const {
  SqliteReader reader(registry_);
  body(reader);
}

void SqliteRegistryStore::write(const std::function<void(RegistryWriter&)>& body) {
  ArchiveRegistry::Transaction transaction(registry_);
  SqliteWriter writer(registry_);
  body(writer);
  transaction.commit();
}

std::vector<SchemaProblem> SqliteRegistryStore::schemaProblems() const {
  std::map<std::string, std::string> present;  // name -> sql
  Statement select = prepare(registry_.db(), "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
  while (select && sqlite3_step(select.get()) == SQLITE_ROW)
    present[column(select.get(), 0)] = column(select.get(), 1);
  std::vector<SchemaProblem> problems;
  for (const RegistryObject& object : registrySchema()) {
    const auto found = present.find(object.name);
    if (found == present.end() || found->second != object.sql)
      problems.push_back({object.type, object.name, found == present.end() ? "missing" : "not as created"});
  }
  return problems;
}

std::optional<EventHeadFile> SqliteRegistryStore::eventHead() const { return readEventHead(registry_); }

}  // namespace gongwen::archive
