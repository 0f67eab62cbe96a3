#include "pipeline/archive/ArchiveRegistry.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistryReads.h"
#include "pipeline/archive/RegistrySchema.h"
#include "pipeline/archive/RegistryStatement.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

void openFailure(sqlite3*& db, const std::string& path, const std::string& what) {
  const std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close(db);
  db = nullptr;
  throw systemError("archive.registry-open",
                    path + ": cannot " + what + " the archive registry: " + reason +
                        "; check that DIR is an archive (`gongwen archive init DIR`) and can be written");
}

}  // namespace

ArchiveRegistry::ArchiveRegistry(const std::string& path, Access access) : path_(path) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  // SQLite would read a directory or device as an empty database and wait on a FIFO for ever.
  if (exists && !S_ISREG(st.st_mode))
    throw systemError("archive.registry-open", path + ": the archive registry is not a regular file");
  if (access == Access::ReadOnly && !exists)
    throw systemError("archive.registry-open", path + ": there is no archive registry here");
  if (access == Access::ReadOnly) {
    openForReading(path);
    return;
  }
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    openFailure(db_, path, "open");
  // Ingests of large batches hold the write lock for a few seconds at most; wait well beyond that.
  sqlite3_busy_timeout(db_, 60000);
  if (!execWhenFree(db_, "PRAGMA journal_mode = WAL") || !exec(db_, "PRAGMA synchronous = FULL") ||
      !exec(db_, "BEGIN IMMEDIATE"))
    openFailure(db_, path, "prepare");
  Statement count = prepare(db_, "SELECT count(*) FROM sqlite_master");
  const bool empty =
      count && sqlite3_step(count.get()) == SQLITE_ROW && sqlite3_column_int(count.get(), 0) == 0;
  count.reset();
  bool created = true;
  if (empty) {
    for (const RegistryObject& object : registrySchema()) created = created && exec(db_, object.sql);
  }
  if (!created || !exec(db_, "COMMIT")) {
    exec(db_, "ROLLBACK");
    openFailure(db_, path, "create");
  }
  // The head file exists before the first event does: a missing one is never what a stop leaves.
  if (empty) writeHead();
}

// A reader that may write opens read-write with writes refused (query_only): the last connection to
// close then removes the -wal and -shm files, so that reading leaves the archive as it was. One
// that may not write opens read-only (SQLite then leaves them, or needs them to exist).
void ArchiveRegistry::openForReading(const std::string& path) {
  if (::access(path.c_str(), W_OK) == 0 &&
      sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
      exec(db_, "PRAGMA query_only = 1")) {
    sqlite3_busy_timeout(db_, 60000);
    return;
  }
  sqlite3_close(db_);
  db_ = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    openFailure(db_, path, "open");
  sqlite3_busy_timeout(db_, 60000);
}

ArchiveRegistry::~ArchiveRegistry() { sqlite3_close(db_); }

void ArchiveRegistry::fail(const std::string& what) const {
  throw systemError("archive.registry-write",
                    path_ + ": cannot " + what + " in the archive registry: " + sqlite3_errmsg(db_));
}

ArchiveRegistry::Transaction::Transaction(ArchiveRegistry& registry) : registry_(registry) {
  if (!exec(registry_.db_, "BEGIN IMMEDIATE")) registry_.fail("begin a transaction");
}

ArchiveRegistry::Transaction::~Transaction() {
  if (open_) exec(registry_.db_, "ROLLBACK");
}

void ArchiveRegistry::Transaction::commit() {
  if (!exec(registry_.db_, "COMMIT")) registry_.fail("commit");
  open_ = false;
  registry_.writeHead();
}

// Under the write lock again, so that concurrent writers rewrite the head file in commit order.
void ArchiveRegistry::writeHead() {
  if (!exec(db_, "BEGIN IMMEDIATE")) fail("lock the event log's head");
  try {
    writeEventHead(*this);
  } catch (...) {
    exec(db_, "ROLLBACK");
    throw;
  }
  exec(db_, "ROLLBACK");
}

void ArchiveRegistry::insertDocument(const DocumentRecord& d) {
  Row(*this, sql::kInsertDocument)
      .text(d.id)
      .integer(d.sequence)
      .text(d.number)
      .optionalText(d.organCode)
      .optionalInteger(d.year)
      .optionalInteger(d.serial)
      .text(d.title)
      .text(d.kind)
      .text(d.templateId)
      .text(d.organ)
      .text(d.date)
      .text(d.classification)
      .text(d.copyNumber)
      .text(d.urgency)
      .integer(d.incoming)
      .text(d.pdfSha256)
      .integer(static_cast<long long>(d.pdfSize))
      .integer(d.pages)
      .text(d.ingestedAt)
      .insert("the document " + d.id);
  for (const SignatureRecord& s : d.signatures) {
    Row(*this, sql::kInsertSignature)
        .text(d.id)
        .integer(s.position)
        .text(s.field)
        .text(s.step)
        .text(s.person)
        .text(s.personName)
        .text(s.role)
        .text(s.actingFor)
        .text(s.subject)
        .text(s.signedAt)
        .text(s.timeSource)
        .integer(s.isSeal)
        .insert("a signature of " + d.id);
  }
  for (const SealUseRecord& u : d.sealUses) {
    Row(*this, sql::kInsertSealUse)
        .text(d.id)
        .integer(u.position)
        .text(u.seal)
        .text(u.step)
        .text(u.signedAt)
        .optionalInteger(u.registerSequence)
        .text(u.registerHash)
        .insert("a seal use of " + d.id);
  }
  for (const FileRecord& f : d.files) {
    Row(*this, sql::kInsertFile)
        .text(d.id)
        .text(f.path)
        .text(f.sha256)
        .integer(static_cast<long long>(f.size))
        .insert("a file of " + d.id);
  }
  if (d.incomingEntry) {
    const IncomingRecord& i = *d.incomingEntry;
    Row(*this, sql::kInsertIncoming)
        .text(d.id)
        .text(i.receivedAt)
        .text(i.sender)
        .text(i.title)
        .text(i.number)
        .text(i.urgency)
        .text(i.proposal)
        .text(i.routedTo)
        .insert("the 收文 entry of " + d.id);
  }
  Row(*this, sql::kInsertText).text(d.id).text(d.text).insert("the text of " + d.id);
}

long long ArchiveRegistry::nextDocumentSequence() const {
  Statement select = prepare(db_, sql::kNextDocumentSequence);
  if (!select || sqlite3_step(select.get()) != SQLITE_ROW) fail("read the document sequence");
  return sqlite3_column_int64(select.get(), 0);
}

namespace {

std::optional<std::string> firstText(const ArchiveRegistry& registry, const char* sql,
                                     const std::string& key) {
  Statement select = prepare(registry.db(), sql);
  if (!select) registry.fail("query");
  sqlite3_bind_text(select.get(), 1, key.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  return column(select.get(), 0);
}

}  // namespace

std::optional<std::string> ArchiveRegistry::idByPdfSha256(const std::string& sha256) const {
  return firstText(*this, sql::kIdByPdfSha256, sha256);
}

bool ArchiveRegistry::contains(const std::string& id) const {
  return firstText(*this, sql::kContains, id).has_value();
}

std::optional<std::string> ArchiveRegistry::outgoingIdByNumber(const std::string& number) const {
  return firstText(*this, sql::kOutgoingIdByNumber, number);
}

std::vector<std::string> ArchiveRegistry::documentIds() const {
  std::vector<std::string> ids;
  Statement select = prepare(db_, sql::kDocumentIds);
  if (!select) fail("list the documents");
  while (sqlite3_step(select.get()) == SQLITE_ROW) ids.push_back(column(select.get(), 0));
  return ids;
}

std::optional<DocumentRecord> ArchiveRegistry::document(const std::string& id) const {
  SqliteReader reader(*this);
  return readDocument(reader, id);
}

}  // namespace gongwen::archive
