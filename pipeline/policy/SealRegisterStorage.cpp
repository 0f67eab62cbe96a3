#include "pipeline/policy/SealRegisterStorage.h"

#include <chrono>
#include <thread>

#include "pipeline/core/UtcTime.h"

namespace gongwen::policy::storage {

namespace {

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

}  // namespace

const SchemaObject kSchema[3] = {{"table", "seal_use", kTable},
                                 {"trigger", "seal_use_append_only_update", kUpdateTrigger},
                                 {"trigger", "seal_use_append_only_delete", kDeleteTrigger}};

const std::string kGenesisHash(64, '0');

Statement prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr);
  return Statement(raw);
}

bool exec(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool execWhenFree(sqlite3* db, const std::string& sql) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!exec(db, sql)) {
    if (sqlite3_errcode(db) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

std::string column(sqlite3_stmt* statement, int index) {
  const unsigned char* text = sqlite3_column_text(statement, index);
  return text ? reinterpret_cast<const char*>(text) : "";
}

std::string canonicalFields(std::initializer_list<std::string> fields) {
  std::string canonical;
  for (const std::string& field : fields) canonical += std::to_string(field.size()) + ":" + field;
  return canonical;
}

std::string rowHash(long long sequence, const SealUse& use, const std::string& previousHash) {
  return sealUseDigest(
      canonicalFields({std::to_string(sequence), formatUtcTime(use.time), use.seal, use.documentDigest,
                       use.person, use.step, use.authorisedBy, use.actingFor, previousHash}));
}

const char* const kSelectRows =
    "SELECT seq, time, seal, document_sha256, person, step, authorised_by, acting_for, prev_hash, row_hash, "
    "typeof(seq) = 'integer' AND typeof(time) = 'text' AND typeof(seal) = 'text' AND "
    "typeof(document_sha256) = 'text' AND typeof(person) = 'text' AND typeof(step) = 'text' AND "
    "typeof(authorised_by) = 'text' AND typeof(acting_for) = 'text' AND typeof(prev_hash) = 'text' AND "
    "typeof(row_hash) = 'text' FROM seal_use ";

StoredRow readRow(sqlite3_stmt* select) {
  StoredRow stored;
  RegisteredSealUse& row = stored.row;
  row.sequence = sqlite3_column_int64(select, 0);
  const std::string timeText = column(select, 1);
  row.use.time = parseUtcTime(timeText).value_or(0);
  row.use.seal = column(select, 2);
  row.use.documentDigest = column(select, 3);
  row.use.person = column(select, 4);
  row.use.step = column(select, 5);
  row.use.authorisedBy = column(select, 6);
  row.use.actingFor = column(select, 7);
  row.previousHash = column(select, 8);
  row.rowHash = column(select, 9);
  stored.allText = sqlite3_column_int(select, 10) != 0;
  row.hashHolds = stored.allText && rowHashHolds(row, timeText);
  return stored;
}

bool rowHashHolds(const RegisteredSealUse& row, const std::string& timeText) {
  return formatUtcTime(row.use.time) == timeText &&
         rowHash(row.sequence, row.use, row.previousHash) == row.rowHash;
}

std::string chainProblem(const StoredRow& stored, long long expected, const std::string& previousHash) {
  const RegisteredSealUse& row = stored.row;
  const std::string at = "row " + std::to_string(expected);
  if (row.sequence != expected) return at + " is missing: the next row is " + std::to_string(row.sequence);
  if (!stored.allText) return at + " holds a value that is not text";
  if (row.previousHash != previousHash)
    return at + " does not follow row " + std::to_string(expected - 1) +
           " (its previous hash differs: a row before it was changed, removed or inserted)";
  if (!row.hashHolds) return at + "'s fields do not give its hash (the row was changed)";
  return "";
}

}  // namespace gongwen::policy::storage
