#include "pipeline/batch/SqliteBatchStateStore.h"

#include <sqlite3.h>

#include <filesystem>

#include "pipeline/core/Error.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::batch {

namespace {

using policy::storage::column;
using policy::storage::exec;
using policy::storage::execWhenFree;
using policy::storage::prepare;
using policy::storage::Statement;

constexpr const char* kCreate =
    "CREATE TABLE IF NOT EXISTS document (key TEXT PRIMARY KEY, job TEXT NOT NULL, source TEXT NOT NULL, "
    "relative_path TEXT NOT NULL, state TEXT NOT NULL, stage TEXT NOT NULL, pdf TEXT NOT NULL, "
    "signatures INTEGER NOT NULL, chain TEXT NOT NULL, waiting_for TEXT NOT NULL, waiting_step TEXT NOT "
    "NULL, "
    "waiting_people TEXT NOT NULL, error_code TEXT NOT NULL, error TEXT NOT NULL, archive_id TEXT NOT NULL, "
    "updated INTEGER NOT NULL)";
constexpr const char* kColumns =
    "SELECT key, job, source, relative_path, state, stage, pdf, signatures, chain, waiting_for, "
    "waiting_step, "
    "waiting_people, error_code, error, archive_id, updated FROM document";
const std::string kFind = std::string(kColumns) + " WHERE key = ?";
const std::string kRecord =
    "INSERT OR REPLACE INTO document VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

DocumentRecord readRecord(sqlite3_stmt* row) {
  DocumentRecord r;
  r.key = column(row, 0);
  r.job = column(row, 1);
  r.source = column(row, 2);
  r.relativePath = column(row, 3);
  r.state = documentStateNamed(column(row, 4)).value_or(DocumentState::Pending);
  r.stage = column(row, 5);
  r.pdf = column(row, 6);
  r.signatures = sqlite3_column_int(row, 7);
  r.chain = column(row, 8);
  r.waitingFor = column(row, 9);
  r.waitingStep = column(row, 10);
  r.waitingPeople = peopleNamed(column(row, 11));
  r.errorCode = column(row, 12);
  r.error = column(row, 13);
  r.archiveId = column(row, 14);
  r.updated = sqlite3_column_int64(row, 15);
  return r;
}

}  // namespace

SqliteBatchStateStore::SqliteBatchStateStore(const std::string& workDir, Access access)
    : path_((std::filesystem::path(workDir) / "state.sqlite").string()) {
  std::error_code ec;
  if (access == Access::ReadOnly && !std::filesystem::exists(path_, ec)) return;
  if (access == Access::ReadWrite) std::filesystem::create_directories(workDir, ec);
  // Read-only is query_only on a read-write connection: the last connection to close then removes
  // the -wal and -shm files, so that looking leaves the work directory as it was.
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (access == Access::ReadWrite ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw systemError("batch.state-open", path_ + ": cannot open the batch state: " + reason +
                                              "; check that the work directory can be written");
  }
  // Shards on one machine take turns at the write lock; a transition holds it for milliseconds.
  sqlite3_busy_timeout(db_, 60000);
  const bool ready = access == Access::ReadOnly
                         ? exec(db_, "PRAGMA query_only = 1")
                         : execWhenFree(db_, "PRAGMA journal_mode = WAL") &&
                               exec(db_, "PRAGMA synchronous = NORMAL") && execWhenFree(db_, kCreate);
  if (!ready) {
    const std::string reason = sqlite3_errmsg(db_);
    sqlite3_close(db_);
    db_ = nullptr;
    throw systemError("batch.state-open", path_ + ": cannot prepare the batch state: " + reason);
  }
}

SqliteBatchStateStore::~SqliteBatchStateStore() {
  find_.reset();
  record_.reset();
  sqlite3_close(db_);
}

sqlite3_stmt* SqliteBatchStateStore::statement(Statement& kept, const std::string& sql) const {
  if (!kept) kept = prepare(db_, sql);
  if (kept) {
    sqlite3_reset(kept.get());
    sqlite3_clear_bindings(kept.get());
  }
  return kept.get();
}

std::optional<DocumentRecord> SqliteBatchStateStore::find(const std::string& key) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (db_ == nullptr) return std::nullopt;
  sqlite3_stmt* select = statement(find_, kFind);
  if (select == nullptr) throw systemError("batch.state-read", path_ + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_text(select, 1, key.c_str(), -1, SQLITE_TRANSIENT);
  std::optional<DocumentRecord> found;
  if (sqlite3_step(select) == SQLITE_ROW) found = readRecord(select);
  // Reset at once, so that the read transaction it holds ends here.
  sqlite3_reset(select);
  return found;
}

void SqliteBatchStateStore::record(const DocumentRecord& r) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (db_ == nullptr)
    throw systemError("batch.state-write", path_ + ": the batch state was opened read-only");
  sqlite3_stmt* insert = statement(record_, kRecord);
  int i = 1;
  const auto text = [&](const std::string& value) {
    sqlite3_bind_text(insert, i++, value.c_str(), -1, SQLITE_TRANSIENT);
  };
  if (insert != nullptr) {
    text(r.key);
    text(r.job);
    text(r.source);
    text(r.relativePath);
    text(toString(r.state));
    text(r.stage);
    text(r.pdf);
    sqlite3_bind_int(insert, i++, r.signatures);
    text(r.chain);
    text(r.waitingFor);
    text(r.waitingStep);
    text(peopleText(r.waitingPeople));
    text(r.errorCode);
    text(r.error);
    text(r.archiveId);
    sqlite3_bind_int64(insert, i++, r.updated);
  }
  // Autocommit: the statement is its own transaction, kept across a kill when step() returns.
  const bool recorded = insert != nullptr && sqlite3_step(insert) == SQLITE_DONE;
  const std::string reason = recorded ? "" : sqlite3_errmsg(db_);
  if (insert != nullptr) sqlite3_reset(insert);
  if (!recorded)
    throw systemError("batch.state-write",
                      path_ + ": cannot record the state of " + r.source + ": " + reason);
}

std::vector<DocumentRecord> SqliteBatchStateStore::all() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (db_ == nullptr) return {};
  Statement select = prepare(db_, std::string(kColumns) + " ORDER BY source, key");
  if (!select) throw systemError("batch.state-read", path_ + ": " + sqlite3_errmsg(db_));
  std::vector<DocumentRecord> records;
  while (sqlite3_step(select.get()) == SQLITE_ROW) records.push_back(readRecord(select.get()));
  return records;
}

}  // namespace gongwen::batch
