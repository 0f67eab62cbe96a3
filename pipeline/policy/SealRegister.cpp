#include "pipeline/policy/SealRegister.h"

#include <sys/stat.h>

#include <filesystem>

#include "pipeline/core/Error.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/core/Sha256.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::policy {

using namespace storage;

std::string sealUseDigest(std::string_view documentBytes) { return sha256Hex(documentBytes); }

std::string headFilePath(const std::string& registerPath) { return registerPath + ".head"; }

SealRegister::SealRegister(const std::string& path, Access access) : path_(path) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (access == Access::ReadOnly && !exists)
    throw systemError("register.missing",
                      path +
                          ": there is no seal-use register (用印登记) here; check the "
                          "<register path> of the policy, or give a copy with --register");
  // SQLite would read a device as an empty register and block on a FIFO for ever: only a regular
  // file (or none yet, to be created) is a register.
  if (exists && !S_ISREG(st.st_mode))
    throw systemError("policy.register-open",
                      path +
                          ": the seal-use register (用印登记) is not a regular file (a directory, device, "
                          "FIFO or socket); check the <register path> of the policy");
  // A fresh installation has no register directory yet; SQLite reports any other failure.
  std::error_code ignored;
  if (access == Access::ReadWrite)
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  const int flags =
      access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  auto fail = [&](const std::string& what) {
    std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    return systemError("policy.register-open", path + ": cannot " + what +
                                                   " the seal-use register (用印登记): " + reason +
                                                   "; check the <register path> of the policy");
  };
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) throw fail("open");
  sqlite3_busy_timeout(db_, 5000);
  if (access == Access::ReadOnly) return;
  if (!execWhenFree(db_, "PRAGMA journal_mode = WAL") || !exec(db_, "PRAGMA synchronous = FULL"))
    throw fail("prepare");
  if (!exec(db_, "BEGIN IMMEDIATE")) throw fail("prepare");
  Statement count = prepare(db_, "SELECT count(*) FROM sqlite_master");
  const bool empty =
      count && sqlite3_step(count.get()) == SQLITE_ROW && sqlite3_column_int(count.get(), 0) == 0;
  count.reset();
  // Only a database with nothing in it gets the schema; whatever an existing one holds is for
  // check() to judge before the next append.
  const bool created =
      !empty || (exec(db_, kSchema[0].sql) && exec(db_, kSchema[1].sql) && exec(db_, kSchema[2].sql));
  if (!created || !exec(db_, "COMMIT")) throw fail("prepare");
}

SealRegister::~SealRegister() { sqlite3_close(db_); }

RegisteredSealUse SealRegister::append(const SealUse& use) {
  auto fail = [&](const std::string& what) {
    std::string reason = sqlite3_errmsg(db_);
    exec(db_, "ROLLBACK");
    return systemError("policy.register-write",
                       path_ + ": cannot record the seal use (" + what + "): " + reason);
  };
  if (!exec(db_, "BEGIN IMMEDIATE")) throw fail("begin");
  const RegisterCheck checked = checkBeforeAppend();
  if (!checked.ok()) {
    exec(db_, "ROLLBACK");
    throw systemError("register.broken",
                      path_ + ": the seal-use register (用印登记) is broken" +
                          (checked.badRow > 0 ? " at row " + std::to_string(checked.badRow) : "") + ": " +
                          checked.problem +
                          "; no seal is applied on a broken register: run `gongwen register verify "
                          "--policy POLICY.xml` and restore the register from the archive's copy");
  }
  // The head file exists before the first row does, so that a missing head file is never what a
  // stop between the commit and the head update leaves behind.
  if (!checked.headFile) writeHeadFile();

  RegisteredSealUse row;
  row.use = use;
  row.sequence = checked.head.sequence + 1;
  row.previousHash = checked.head.rowHash;
  row.rowHash = rowHash(row.sequence, use, row.previousHash);
  row.hashHolds = true;
  Statement insert = prepare(db_,
                             "INSERT INTO seal_use (seq, time, seal, document_sha256, person, step, "
                             "authorised_by, acting_for, prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!insert) throw fail("prepare");
  const std::string values[] = {
      formatUtcTime(use.time), use.seal,      use.documentDigest, use.person, use.step,
      use.authorisedBy,        use.actingFor, row.previousHash,   row.rowHash};
  sqlite3_bind_int64(insert.get(), 1, row.sequence);
  for (int i = 0; i < 9; ++i) {
    sqlite3_bind_text(insert.get(), i + 2, values[i].c_str(), -1, SQLITE_TRANSIENT);
  }
  if (sqlite3_step(insert.get()) != SQLITE_DONE) throw fail("insert");
  insert.reset();
  if (!exec(db_, "COMMIT")) throw fail("commit");
  if (checkedHead_) checkedHead_->head = {row.sequence, row.rowHash};
  killPointForTests("register-committed");

  // Under the write lock again, so that concurrent signers write their heads in commit order.
  if (!exec(db_, "BEGIN IMMEDIATE")) throw fail("head");
  try {
    writeHeadFile();
  } catch (...) {
    exec(db_, "ROLLBACK");
    throw;
  }
  exec(db_, "ROLLBACK");
  killPointForTests("register-head-written");
  return row;
}

namespace {

std::optional<long long> dataVersion(sqlite3* db) {
  Statement version = prepare(db, "PRAGMA data_version");
  if (!version || sqlite3_step(version.get()) != SQLITE_ROW) return std::nullopt;
  return sqlite3_column_int64(version.get(), 0);
}

}  // namespace

RegisterCheck SealRegister::checkBeforeAppend() {
  const std::optional<long long> version = dataVersion(db_);
  // Checking every row at every seal grows with the register; the rows this connection checked and
  // appended are as they were while nobody else has committed. The head file is no row: read again.
  if (checkedHead_ && version == checkedHead_->dataVersion) {
    RegisterCheck result;
    result.path = path_;
    result.head = checkedHead_->head;
    result.rowsChecked = result.head.sequence;
    std::string problem;
    result.headFile = readHeadFile(path_, problem);
    if (problem.empty() && result.headFile && result.headFile->sequence == result.head.sequence &&
        result.headFile->rowHash == result.head.rowHash)
      return result;
  }
  RegisterCheck result = checkRegister(db_, path_);
  checkedHead_.reset();
  if (result.ok() && version) checkedHead_ = CheckedHead{*version, result.head};
  return result;
}

void SealRegister::writeHeadFile() const {
  Statement last = prepare(db_, "SELECT seq, row_hash FROM seal_use ORDER BY seq DESC LIMIT 1");
  RegisterHead head{0, kGenesisHash};
  if (last && sqlite3_step(last.get()) == SQLITE_ROW)
    head = {sqlite3_column_int64(last.get(), 0), column(last.get(), 1)};
  storage::writeHeadFile(path_, head);
}

RegisterCheck SealRegister::check() const {
  // One read transaction: a consistent snapshot while signers append.
  exec(db_, "BEGIN");
  RegisterCheck result = checkRegister(db_, path_);
  exec(db_, "COMMIT");
  return result;
}

std::vector<RegisteredSealUse> SealRegister::entries() const {
  std::vector<RegisteredSealUse> rows;
  Statement select = prepare(db_, std::string(kSelectRows) + "ORDER BY seq");
  while (select && sqlite3_step(select.get()) == SQLITE_ROW) rows.push_back(readRow(select.get()).row);
  return rows;
}

std::optional<RegisteredSealUse> SealRegister::find(long long sequence) const {
  Statement select = prepare(db_, std::string(kSelectRows) + "WHERE seq = ?");
  if (!select) return std::nullopt;
  sqlite3_bind_int64(select.get(), 1, sequence);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  return readRow(select.get()).row;
}

RegisterCheck verifySealRegister(const std::string& path) {
  return SealRegister(path, SealRegister::Access::ReadOnly).check();
}

}  // namespace gongwen::policy