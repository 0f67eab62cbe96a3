#pragma once
// The embedded BatchStateStore: an SQLite database `state.sqlite` in the work directory (WAL,
// synchronous NORMAL), one row per document, each transition one INSERT OR REPLACE in its own
// transaction. A transition survives the process being killed; a power cut may lose the last ones,
// which a rerun redoes from what is durable: the PDFs (written and flushed before their transition),
// the seal register and the archive (both synchronous FULL). One connection, used under a mutex by the worker
// threads; other processes (shards on one machine) wait for each other through SQLite's locking.

#include <memory>
#include <mutex>
#include <string>

#include "pipeline/batch/BatchStateStore.h"
#include "pipeline/policy/SealRegisterStorage.h"

struct sqlite3;

namespace gongwen::batch {

class SqliteBatchStateStore : public BatchStateStore {
 public:
  // ReadWrite opens `workDir`/state.sqlite, creating the directory and the database when missing.
  // ReadOnly (--dry-run, --status) creates nothing and refuses record(); without a database it
  // holds no record. Throws Error(System, "batch.state-open") naming the file when it cannot.
  enum class Access { ReadWrite, ReadOnly };
  explicit SqliteBatchStateStore(const std::string& workDir, Access access = Access::ReadWrite);
  ~SqliteBatchStateStore() override;
  SqliteBatchStateStore(const SqliteBatchStateStore&) = delete;
  SqliteBatchStateStore& operator=(const SqliteBatchStateStore&) = delete;

  std::optional<DocumentRecord> find(const std::string& key) const override;
  void record(const DocumentRecord& record) override;
  std::vector<DocumentRecord> all() const override;

 private:
  // The statement for `sql`, prepared once and reset for each use: each transition of every document
  // runs one, and preparing it anew took as long as running it. With mutex_ held.
  sqlite3_stmt* statement(policy::storage::Statement& kept, const std::string& sql) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mutex_;
  mutable policy::storage::Statement find_;
  mutable policy::storage::Statement record_;
};

}  // namespace gongwen::batch
