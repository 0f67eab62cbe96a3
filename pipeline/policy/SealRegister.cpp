#include "pipeline/policy/SealRegister.h"

#include <openssl/evp.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DeferredTermination.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::policy {

namespace {

// The database objects exactly as SQLite stores their CREATE statements in sqlite_master. An
// existing register must hold these and nothing else: a dropped or altered trigger is tampering.
const char* const kTable = R"sql(CREATE TABLE seal_use (
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
))sql";
const char* const kUpdateTrigger = R"sql(CREATE TRIGGER seal_use_append_only_update BEFORE UPDATE ON seal_use
BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: UPDATE refused'); END)sql";
const char* const kDeleteTrigger = R"sql(CREATE TRIGGER seal_use_append_only_delete BEFORE DELETE ON seal_use
BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: DELETE refused'); END)sql";

struct SchemaObject {
  const char* type;
  const char* name;
  const char* sql;
};
const SchemaObject kSchema[] = {{"table", "seal_use", kTable},
                                {"trigger", "seal_use_append_only_update", kUpdateTrigger},
                                {"trigger", "seal_use_append_only_delete", kDeleteTrigger}};

const std::string kGenesisHash(64, '0');

struct StatementFree {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFree>;

Statement prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  return Statement(raw);
}

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
  return sealUseDigest(canonical);
}

std::string column(sqlite3_stmt* statement, int index) {
  const unsigned char* text = sqlite3_column_text(statement, index);
  return text ? reinterpret_cast<const char*>(text) : "";
}

const char* const kColumns =
    "SELECT seq, time, seal, document_sha256, person, step, authorised_by, acting_for, prev_hash, row_hash, "
    "typeof(seq) = 'integer' AND typeof(time) = 'text' AND typeof(seal) = 'text' AND "
    "typeof(document_sha256) = 'text' AND typeof(person) = 'text' AND typeof(step) = 'text' AND "
    "typeof(authorised_by) = 'text' AND typeof(acting_for) = 'text' AND typeof(prev_hash) = 'text' AND "
    "typeof(row_hash) = 'text' FROM seal_use ";

// A row as stored, with what the chain check needs besides the parsed fields.
struct StoredRow {
  RegisteredSealUse row;
  std::string timeText;
  bool allText = false;
};

StoredRow readRow(sqlite3_stmt* select) {
  StoredRow stored;
  RegisteredSealUse& row = stored.row;
  row.sequence = sqlite3_column_int64(select, 0);
  stored.timeText = column(select, 1);
  row.use.time = parseUtcTime(stored.timeText).value_or(0);
  row.use.seal = column(select, 2);
  row.use.documentDigest = column(select, 3);
  row.use.person = column(select, 4);
  row.use.step = column(select, 5);
  row.use.authorisedBy = column(select, 6);
  row.use.actingFor = column(select, 7);
  row.previousHash = column(select, 8);
  row.rowHash = column(select, 9);
  stored.allText = sqlite3_column_int(select, 10) != 0;
  row.hashHolds = stored.allText && formatUtcTime(row.use.time) == stored.timeText &&
                  rowHash(row.sequence, row.use, row.previousHash) == row.rowHash;
  return stored;
}

// Nullopt when there is no head file; one that does not read as a head is reported through `problem`.
std::optional<RegisterHead> readHeadFile(const std::string& registerPath, std::string& problem) {
  const std::string path = headFilePath(registerPath);
  std::error_code absent;
  if (!std::filesystem::exists(path, absent) && !absent) return std::nullopt;
  std::istringstream fields(readFile(path));
  RegisterHead head;
  std::string rest;
  if (!(fields >> head.sequence >> head.rowHash) || (fields >> rest) || head.sequence < 0 ||
      head.rowHash.size() != 64) {
    problem = "its head file " + path + " is not \"SEQUENCE ROW-HASH\"";
  }
  return head;
}

// The part of check() that needs the database: schema, then every row.
void checkDatabase(sqlite3* db, RegisterCheck& result) {
  int objects = 0;
  bool found[std::size(kSchema)] = {};
  Statement master = prepare(db, "SELECT type, name, sql FROM sqlite_master ORDER BY rowid");
  int step = master ? SQLITE_ROW : SQLITE_ERROR;
  while (master && (step = sqlite3_step(master.get())) == SQLITE_ROW) {
    ++objects;
    const std::string type = column(master.get(), 0), name = column(master.get(), 1);
    const SchemaObject* expected = nullptr;
    for (std::size_t i = 0; i < std::size(kSchema); ++i) {
      if (type == kSchema[i].type && name == kSchema[i].name) {
        expected = &kSchema[i];
        found[i] = true;
      }
    }
    if (expected == nullptr) {
      result.problem = "it holds a " + type + " " + name + " that gongwen never creates";
      return;
    }
    if (column(master.get(), 2) != expected->sql) {
      result.problem = "the " + type + " " + name + " was altered";
      return;
    }
  }
  if (step != SQLITE_DONE) {
    result.problem = std::string("it cannot be read as a database: ") + sqlite3_errmsg(db);
    return;
  }
  if (objects == 0) return;  // created but not yet prepared: an empty register
  for (std::size_t i = 0; i < std::size(kSchema); ++i) {
    if (!found[i]) {
      result.problem = std::string("the ") + kSchema[i].type + " " + kSchema[i].name +
                       " is missing (dropped: rows may have been changed or removed behind it)";
      return;
    }
  }

  Statement select = prepare(db, (std::string(kColumns) + "ORDER BY seq").c_str());
  std::string previousHash = kGenesisHash;
  long long expected = 1;
  step = select ? SQLITE_ROW : SQLITE_ERROR;
  while (select && (step = sqlite3_step(select.get())) == SQLITE_ROW) {
    const StoredRow stored = readRow(select.get());
    const RegisteredSealUse& row = stored.row;
    const std::string at = "row " + std::to_string(expected);
    if (row.sequence != expected) {
      result.problem = at + " is missing: the next row is " + std::to_string(row.sequence);
    } else if (!stored.allText) {
      result.problem = at + " holds a value that is not text";
    } else if (row.previousHash != previousHash) {
      result.problem = at + " does not follow row " + std::to_string(expected - 1) +
                       " (its previous hash differs: a row before it was changed, removed or inserted)";
    } else if (!row.hashHolds) {
      result.problem = at + "'s fields do not give its hash (the row was changed)";
    }
    if (!result.ok()) {
      result.badRow = expected;
      return;
    }
    previousHash = row.rowHash;
    result.head = {row.sequence, row.rowHash};
    result.rowsChecked = expected++;
  }
  if (step != SQLITE_DONE) {
    result.badRow = expected;
    result.problem = "row " + std::to_string(expected) + " cannot be read: " + sqlite3_errmsg(db);
  }
}

// The head file must name a row of the chain: the last one, or an earlier one when a signer was
// stopped between committing its row and rewriting the head file.
void checkHead(sqlite3* db, RegisterCheck& result) {
  if (!result.headFile) {
    if (result.rowsChecked > 0)
      result.problem = "its head file " + headFilePath(result.path) +
                       " is missing, so rows cut from the end would not show";
    return;
  }
  const RegisterHead& named = *result.headFile;
  const std::string row = "row " + std::to_string(named.sequence);
  if (named.sequence > result.head.sequence) {
    result.badRow = result.head.sequence + 1;
    result.problem = "its head file names " + row + " but the register ends at row " +
                     std::to_string(result.head.sequence) + ": rows were removed from the end";
    return;
  }
  std::string hash = kGenesisHash;
  if (named.sequence > 0) {
    Statement select = prepare(db, "SELECT row_hash FROM seal_use WHERE seq = ?");
    sqlite3_bind_int64(select.get(), 1, named.sequence);
    hash = select && sqlite3_step(select.get()) == SQLITE_ROW ? column(select.get(), 0) : "";
  }
  if (hash != named.rowHash) {
    result.badRow = named.sequence;
    result.problem = row + "'s hash differs from the one its head file names: the chain was rewritten";
  }
}

RegisterCheck checkRegister(sqlite3* db, const std::string& path) {
  RegisterCheck result;
  result.path = path;
  result.head.rowHash = kGenesisHash;
  // The head file first: a signer updates it only after committing, so every row it names is in
  // the snapshot read after it.
  std::string headProblem;
  result.headFile = readHeadFile(path, headProblem);
  checkDatabase(db, result);
  if (result.ok()) result.problem = headProblem;
  if (result.ok()) checkHead(db, result);
  return result;
}

bool exec(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace

std::string sealUseDigest(std::string_view documentBytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_Digest(documentBytes.data(), documentBytes.size(), digest, &length, EVP_sha256(), nullptr);
  return hex(digest, length);
}

std::string headFilePath(const std::string& registerPath) { return registerPath + ".head"; }

SealRegister::SealRegister(const std::string& path, Access access) : path_(path) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (access == Access::ReadOnly && !exists)
    throw systemError("register.missing",
                      path +
                          ": there is no seal-use register (用印登记) here; check the "
                          "<register path> of the policy, or give a copy with --register");
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
  if (!exec(db_, "PRAGMA journal_mode = WAL") || !exec(db_, "PRAGMA synchronous = FULL"))
    throw fail("prepare");
  if (!exec(db_, "BEGIN IMMEDIATE")) throw fail("prepare");
  Statement count = prepare(db_, "SELECT count(*) FROM sqlite_master");
  const bool empty =
      count && sqlite3_step(count.get()) == SQLITE_ROW && sqlite3_column_int(count.get(), 0) == 0;
  count.reset();
  // Only a database with nothing in it gets the schema; whatever an existing one holds is for
  // check() to judge before the next append.
  const bool created =
      !empty || (exec(db_, kTable) && exec(db_, kUpdateTrigger) && exec(db_, kDeleteTrigger));
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
  const RegisterCheck checked = checkRegister(db_, path_);
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

void SealRegister::writeHeadFile() const {
  Statement last = prepare(db_, "SELECT seq, row_hash FROM seal_use ORDER BY seq DESC LIMIT 1");
  RegisterHead head{0, kGenesisHash};
  if (last && sqlite3_step(last.get()) == SQLITE_ROW)
    head = {sqlite3_column_int64(last.get(), 0), column(last.get(), 1)};
  const DeferredTermination whole;
  writeFileAtomically(headFilePath(path_), std::to_string(head.sequence) + " " + head.rowHash + "\n");
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
  Statement select = prepare(db_, (std::string(kColumns) + "ORDER BY seq").c_str());
  while (select && sqlite3_step(select.get()) == SQLITE_ROW) rows.push_back(readRow(select.get()).row);
  return rows;
}

std::optional<RegisteredSealUse> SealRegister::find(long long sequence) const {
  Statement select = prepare(db_, (std::string(kColumns) + "WHERE seq = ?").c_str());
  if (!select) return std::nullopt;
  sqlite3_bind_int64(select.get(), 1, sequence);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  return readRow(select.get()).row;
}

RegisterCheck verifySealRegister(const std::string& path) {
  return SealRegister(path, SealRegister::Access::ReadOnly).check();
}

}  // namespace gongwen::policy
