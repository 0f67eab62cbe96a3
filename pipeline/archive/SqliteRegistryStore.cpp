#include "pipeline/archive/SqliteRegistryStore.h"

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

}  // namespace gongwen::archive
