#pragma once
// The archive's registry as ingest, the batch and the event log need it, wherever it is kept: the
// SQLite registry in the archive directory (SqliteRegistryStore.h, over ArchiveRegistry.h) or a
// PostgreSQL server database shared by many machines (ServerArchiveRegistry.h). openRegistryStore()
// picks the one a location names. Both keep the same tables, the same append-only guarantee and the
// same event chain (EventLog.h computes it for both).

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

// A document to register with the detail (JSON) of its ingest event.
struct IngestedDocument {
  DocumentRecord record;
  std::string ingestDetail;
};

class RegistryStore {
 public:
  virtual ~RegistryStore() = default;

  virtual std::optional<std::string> idByPdfSha256(const std::string& sha256) const = 0;
  virtual std::optional<std::string> outgoingIdByNumber(const std::string& number) const = 0;
  virtual bool contains(const std::string& id) const = 0;
  virtual std::vector<std::string> documentIds() const = 0;  // in ingest order
  virtual long long nextDocumentSequence() const = 0;

  // Registers the documents, each with its ingest event, in one transaction: all or none. Throws
  // Error(Policy, "archive.number-taken") when another document holds an outgoing 发文字号 of theirs,
  // Error(System, "archive.registry-write") when the registry refuses (the same PDF twice included).
  virtual void registerDocuments(const std::vector<IngestedDocument>& documents, std::time_t when) = 0;
  // One event after the last, in a transaction of its own.
  virtual ArchiveEvent appendEvent(EventKind kind, const std::string& documentId,
                                   const std::string& detailJson, std::time_t when) = 0;
  virtual std::vector<ArchiveEvent> events(
      const std::optional<std::string>& documentId = std::nullopt) const = 0;
  virtual std::optional<ChainBreak> verifyEvents() const = 0;
};

// `location`: a postgresql:// URL, or the path of an SQLite registry (DIR/registry.sqlite).
enum class RegistryAccess { ReadWrite, ReadOnly };
std::unique_ptr<RegistryStore> openRegistryStore(const std::string& location, RegistryAccess access);

}  // namespace gongwen::archive
