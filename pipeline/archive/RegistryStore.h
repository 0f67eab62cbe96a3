#pragma once
// The archive's registry as ingest, the batch, the event log and the archivist's commands (audit,
// find, show, export, borrow, return) need it, wherever it is kept: the SQLite registry in the
// archive directory (SqliteRegistryStore.h, over ArchiveRegistry.h) or a PostgreSQL server database
// shared by many machines (ServerArchiveRegistry.h). openRegistryStore() picks the one a location
// names. Both keep the same tables, the same append-only guarantee and the same event chain
// (EventLog.h computes it for both); reads and writes beyond the calls below are written once, as
// shared statements run through read() and write() (RegistryQuery.h).

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistryQuery.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

// A table, index or trigger of RegistrySchema.h that is not as created.
struct SchemaProblem {
  std::string type;  // table, index or trigger
  std::string name;
  std::string problem;  // "missing", "not as created" …
};

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

  // Runs `body` on one connection of the store: read() sees the registry as it is; write() is one
  // transaction under the lock writers take in turn, committed when `body` returns and rolled back
  // when it throws.
  virtual void read(const std::function<void(RegistryReader&)>& body) const = 0;
  virtual void write(const std::function<void(RegistryWriter&)>& body) = 0;
  // The document with all its rows; nullopt when the registry does not hold it.
  std::optional<DocumentRecord> document(const std::string& id) const;

  // For the audit: the registry's tables, indexes and append-only triggers that are missing or not
  // as created (a dropped trigger lets rows change without trace).
  virtual std::vector<SchemaProblem> schemaProblems() const = 0;
  // The event log's head as kept beside the registry, read before the log; nullopt for a store that
  // keeps none (a server has no "beside", as ServerSealRegister.h says).
  virtual std::optional<EventHeadFile> eventHead() const = 0;
};

// `location`: a postgresql:// URL, or the path of an SQLite registry (DIR/registry.sqlite).
// ReadOnly never creates or changes anything; ReadWrite creates the registry when there is none;
// Existing writes to a registry that must be there already: audit, borrow and return would
// otherwise see an archive that seems to hold nothing (Error(SignatureInvalid,
// "archive.registry-missing")).
enum class RegistryAccess { ReadWrite, ReadOnly, Existing };
std::unique_ptr<RegistryStore> openRegistryStore(const std::string& location, RegistryAccess access);

// The registry of the archive `layout`: the server database `serverUrl` names, or DIR/registry.sqlite
// when it is empty.
std::unique_ptr<RegistryStore> openArchiveRegistry(const ArchiveLayout& layout, const std::string& serverUrl,
                                                   RegistryAccess access);

// The document `id` with all its rows (show, export), or Error(InputInvalid, "archive.unknown-id")
// naming the archive `dir` and how to list its documents.
DocumentRecord registeredDocument(const RegistryStore& registry, const std::string& id,
                                  const std::string& dir);

}  // namespace gongwen::archive
