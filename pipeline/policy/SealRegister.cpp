#include "pipeline/policy/SealRegister.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::policy {

namespace {

const char* const kSchema = R"sql(
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS seal_use (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  seal TEXT NOT NULL,
  document_sha256 TEXT NOT NULL,
  person TEXT NOT NULL,
  step TEXT NOT NULL,
  authorised_by TEXT NOT NULL,
  acting_for TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS seal_use_append_only_update BEFORE UPDATE ON seal_use
BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS seal_use_append_only_delete BEFORE DELETE ON seal_use
BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: DELETE refused'); END;
)sql";

const std::string kGenesisHash(64, '0');

struct StatementFree {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFree>;

std::string hex(const unsigned char* bytes, unsigned length) {
  static const char digits[] = "0123456789abcdef";
  std::string text;
  for (unsigned i = 0; i < length; ++i) {
    text += digits[bytes[i] >> 4];
    text += digits[bytes[i] & 15];
  }
  return text;
}

// Each field is length-prefixed so that no two different rows hash the same bytes.
std::string rowHash(long long sequence, const SealUse& use, const std::string& previousHash) {
  std::string canonical;
  for (const std::string& field :
       {std::to_string(sequence), formatUtcTime(use.time), use.seal, use.documentDigest, use.person, use.step,
        use.authorisedBy, use.actingFor, previousHash}) {
    canonical += std::to_string(field.size()) + ":" + field;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr);
  return hex(digest, length);
}

std::string column(sqlite3_stmt* statement, int index) {
  const unsigned char* text = sqlite3_column_text(statement, index);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// A row as stored, with what the hash chain needs besides the parsed fields.
struct StoredRow {
  RegisteredSealUse row;
  std::string timeText;
  std::string previousHash;
};

std::vector<StoredRow> readRows(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(
      db,
      "SELECT seq, time, seal, document_sha256, person, step, authorised_by, acting_for, row_hash, "
      "prev_hash FROM seal_use ORDER BY seq",
      -1, &raw, nullptr);
  Statement select(raw);
  std::vector<StoredRow> rows;
  while (select && sqlite3_step(select.get()) == SQLITE_ROW) {
    StoredRow stored;
    RegisteredSealUse& row = stored.row;
    row.sequence = sqlite3_column_int64(select.get(), 0);
    stored.timeText = column(select.get(), 1);
    row.use.time = parseUtcTime(stored.timeText).value_or(0);
    row.use.seal = column(select.get(), 2);
    row.use.documentDigest = column(select.get(), 3);
    row.use.person = column(select.get(), 4);
    row.use.step = column(select.get(), 5);
    row.use.authorisedBy = column(select.get(), 6);
    row.use.actingFor = column(select.get(), 7);
    row.rowHash = column(select.get(), 8);
    stored.previousHash = column(select.get(), 9);
    rows.push_back(std::move(stored));
  }
  return rows;
}

}  // namespace

SealRegister::SealRegister(const std::string& path) : path_(path) {
  // A fresh installation has no register directory yet; SQLite reports any other failure.
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw systemError("policy.register-open", path + ": cannot open the seal-use register (用印登记): " +
                                                  reason + "; check the <register path> of the policy");
  }
  sqlite3_busy_timeout(db_, 5000);
  char* error = nullptr;
  if (sqlite3_exec(db_, kSchema, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string reason = error ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close(db_);
    throw systemError("policy.register-open", path + ": cannot prepare the seal-use register: " + reason);
  }
}

SealRegister::~SealRegister() { sqlite3_close(db_); }

RegisteredSealUse SealRegister::append(const SealUse& use) {
  auto fail = [&](const std::string& what) {
    std::string reason = sqlite3_errmsg(db_);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return systemError("policy.register-write",
                       path_ + ": cannot record the seal use (" + what + "): " + reason);
  };
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    throw fail("begin");
  }
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db_, "SELECT seq, row_hash FROM seal_use ORDER BY seq DESC LIMIT 1", -1, &raw, nullptr);
  Statement last(raw);
  RegisteredSealUse row;
  row.use = use;
  std::string previousHash = kGenesisHash;
  row.sequence = 1;
  if (last && sqlite3_step(last.get()) == SQLITE_ROW) {
    row.sequence = sqlite3_column_int64(last.get(), 0) + 1;
    previousHash = column(last.get(), 1);
  }
  row.rowHash = rowHash(row.sequence, use, previousHash);

  sqlite3_prepare_v2(db_,
                     "INSERT INTO seal_use (seq, time, seal, document_sha256, person, step, authorised_by, "
                     "acting_for, prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     -1, &raw, nullptr);
  Statement insert(raw);
  if (!insert) {
    throw fail("prepare");
  }
  const std::string values[] = {
      formatUtcTime(use.time), use.seal,      use.documentDigest, use.person, use.step,
      use.authorisedBy,        use.actingFor, previousHash,       row.rowHash};
  sqlite3_bind_int64(insert.get(), 1, row.sequence);
  for (int i = 0; i < 9; ++i) {
    sqlite3_bind_text(insert.get(), i + 2, values[i].c_str(), -1, SQLITE_TRANSIENT);
  }
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    throw fail("insert");
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    throw fail("commit");
  }
  return row;
}

std::vector<RegisteredSealUse> SealRegister::entries() const {
  std::vector<RegisteredSealUse> rows;
  for (StoredRow& stored : readRows(db_)) {
    rows.push_back(std::move(stored.row));
  }
  return rows;
}

void SealRegister::verifyIntegrity() const {
  std::string previousHash = kGenesisHash;
  long long expectedSequence = 1;
  for (const StoredRow& stored : readRows(db_)) {
    const RegisteredSealUse& row = stored.row;
    bool intact = row.sequence == expectedSequence && stored.previousHash == previousHash &&
                  formatUtcTime(row.use.time) == stored.timeText &&
                  rowHash(row.sequence, row.use, previousHash) == row.rowHash;
    if (!intact) {
      throw policyError("policy.register-tampered",
                        path_ + ": the seal-use register (用印登记) was altered at row " +
                            std::to_string(expectedSequence) +
                            ": its hash does not follow from the row before (a row was changed, removed or "
                            "inserted); restore the register from a replica and investigate");
    }
    previousHash = row.rowHash;
    ++expectedSequence;
  }
}

}  // namespace gongwen::policy
