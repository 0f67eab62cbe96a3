#pragma once
// The archive's registry, DIR/registry.sqlite: 发文登记, 收文登记, files, events and loans
// (RegistrySchema.h lists the tables). WAL, synchronous=FULL, a busy timeout so that concurrent
// processes wait for each other, and every write in a BEGIN IMMEDIATE transaction (Transaction).
//
// Other parts may rely on: db() for their own statements inside a Transaction; insertDocument()
// writing a document with all its rows; the read functions below; EventLog.h for events. An
// existing registry is never changed on open (a missing trigger is for an audit to find, not to
// recreate).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/RegistryRecords.h"

struct sqlite3;

namespace gongwen::archive {

class ArchiveRegistry {
 public:
  enum class Access { ReadWrite, ReadOnly };

  // ReadWrite creates the database with its whole schema when there is none; ReadOnly never creates
  // or changes anything, and leaves no -wal or -shm file behind when it can. Throws
  // Error(System, "archive.registry-open").
  ArchiveRegistry(const std::string& path, Access access);
  ~ArchiveRegistry();
  ArchiveRegistry(const ArchiveRegistry&) = delete;
  ArchiveRegistry& operator=(const ArchiveRegistry&) = delete;

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }

  // BEGIN IMMEDIATE on construction (waits for other writers), ROLLBACK unless commit() was called;
  // commit() then rewrites the event log's head file (EventLog.h).
  class Transaction {
   public:
    explicit Transaction(ArchiveRegistry& registry);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

   private:
    ArchiveRegistry& registry_;
    bool open_ = true;
  };

  // Inside a Transaction. Throws Error(System, "archive.registry-write").
  void insertDocument(const DocumentRecord& document);
  // The next documents.seq (1 for an empty registry); inside a Transaction to keep it.
  long long nextDocumentSequence() const;

  std::optional<DocumentRecord> document(const std::string& id) const;  // with all its rows
  bool contains(const std::string& id) const;
  std::optional<std::string> idByPdfSha256(const std::string& sha256) const;
  std::optional<std::string> outgoingIdByNumber(const std::string& number) const;
  std::vector<std::string> documentIds() const;  // in ingest order

  // Error(System, "archive.registry-write") naming `what` and SQLite's message.
  [[noreturn]] void fail(const std::string& what) const;

 private:
  void openForReading(const std::string& path);
  // Rewrites the event log's head file (EventLog.h) after a commit.
  void writeHead();

  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace gongwen::archive
