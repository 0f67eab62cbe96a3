#pragma once
// The archive's registry in a PostgreSQL server database (pipeline/policy/ServerDatabase.h), for
// shards on many machines archiving into one archive: the tables of RegistrySchema.h (their CREATE
// statements are valid PostgreSQL as they are), each append-only through triggers refusing UPDATE,
// DELETE and TRUNCATE. Every write is one transaction under one advisory lock, so that two shards
// never register the same document or 发文字号 twice and the event log has one order.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/archive/RegistryStore.h"
#include "pipeline/policy/ServerConnection.h"

namespace gongwen::archive {

class ServerArchiveRegistry : public RegistryStore {
 public:
  // ReadWrite creates the tables, indexes and triggers when the database has none; ReadOnly reads
  // a database without them as an empty registry; Existing refuses it
  // (Error(SignatureInvalid, "archive.registry-missing")). Throws Error(System, "archive.registry-open")
  // naming the redacted URL.
  ServerArchiveRegistry(const std::string& url, RegistryAccess access);
  ~ServerArchiveRegistry() override;
  ServerArchiveRegistry(const ServerArchiveRegistry&) = delete;
  ServerArchiveRegistry& operator=(const ServerArchiveRegistry&) = delete;

  std::optional<std::string> idByPdfSha256(const std::string& sha256) const override;
  std::optional<std::string> outgoingIdByNumber(const std::string& number) const override;
  bool contains(const std::string& id) const override;
  std::vector<std::string> documentIds() const override;
  long long nextDocumentSequence() const override;
  void registerDocuments(const std::vector<IngestedDocument>& documents, std::time_t when) override;
  ArchiveEvent appendEvent(EventKind kind, const std::string& documentId, const std::string& detailJson,
                           std::time_t when) override;
  std::vector<ArchiveEvent> events(const std::optional<std::string>& documentId) const override;
  std::optional<ChainBreak> verifyEvents() const override;

  // read() on a database no ingest has written to: Error(System, "archive.registry-open").
  void read(const std::function<void(RegistryReader&)>& body) const override;
  void write(const std::function<void(RegistryWriter&)>& body) override;
  // Each table and index there with the columns as created, and the append-only triggers of every
  // table present, enabled and calling the function as created.
  std::vector<SchemaProblem> schemaProblems() const override;
  // None: a server has no "beside" for a head file. Events cut from the end of the log show where
  // they were ingest events (archive.event-missing); the triggers keep the rest.
  std::optional<EventHeadFile> eventHead() const override;

 private:
  std::optional<std::string> firstText(const std::string& sql, const std::string& key) const;
  [[noreturn]] void fail(const std::string& what, const std::exception& e) const;

  std::string url_;
  std::unique_ptr<policy::server::Connection> connection_;
  bool created_ = true;       // false: read-only on a database no ingest has written to
  mutable std::mutex mutex_;  // one connection, shared by a batch's worker threads
};

}  // namespace gongwen::archive
