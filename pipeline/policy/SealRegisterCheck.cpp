// storage::checkRegister (SealRegisterStorage.h): the whole check of the seal-use register that
// append() runs before every row and `gongwen register verify` runs for auditors; and its head file.

#include <filesystem>
#include <sstream>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DeferredTermination.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::policy::storage {

std::optional<RegisterHead> readHeadFile(const std::string& registerPath, std::string& problem) {
  const std::string path = headFilePath(registerPath);
  std::error_code absent;
  if (!std::filesystem::exists(path, absent) && !absent) return std::nullopt;
  std::istringstream fields(readInput(path, InputKind::RegisterHead));
  RegisterHead head;
  std::string rest;
  if (!(fields >> head.sequence >> head.rowHash) || (fields >> rest) || head.sequence < 0 ||
      head.rowHash.size() != 64) {
    problem = "its head file " + path + " is not \"SEQUENCE ROW-HASH\"";
  }
  return head;
}

void writeHeadFile(const std::string& registerPath, const RegisterHead& head) {
  const DeferredTermination untilWritten;
  // The head file is the register's own: the record of inputs (the policy names it) does not bar it.
  WriteOptions ownFile;
  ownFile.replacesInput = true;
  writeFileAtomically(headFilePath(registerPath), std::to_string(head.sequence) + " " + head.rowHash + "\n",
                      ownFile);
}

namespace {

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

  Statement select = prepare(db, std::string(kSelectRows) + "ORDER BY seq");
  std::string previousHash = kGenesisHash;
  long long expected = 1;
  step = select ? SQLITE_ROW : SQLITE_ERROR;
  while (select && (step = sqlite3_step(select.get())) == SQLITE_ROW) {
    const StoredRow stored = readRow(select.get());
    const RegisteredSealUse& row = stored.row;
    result.problem = chainProblem(stored, expected, previousHash);
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

}  // namespace

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

}  // namespace gongwen::policy::storage
