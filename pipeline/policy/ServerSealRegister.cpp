#include "pipeline/policy/ServerSealRegister.h"

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/SealRegisterStorage.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::policy {

namespace {

const char* const kTable = R"sql(CREATE TABLE seal_use (
  seq BIGINT PRIMARY KEY,
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

const char* const kSelectRows =
    "SELECT seq, time, seal, document_sha256, person, step, authorised_by, acting_for, prev_hash, row_hash "
    "FROM seal_use ";

storage::StoredRow readRow(const server::Row& r) {
  storage::StoredRow stored;
  RegisteredSealUse& row = stored.row;
  row.sequence = r.integer(0);
  const std::string timeText = r.text(1);
  row.use.time = parseUtcTime(timeText).value_or(0);
  row.use.seal = r.text(2);
  row.use.documentDigest = r.text(3);
  row.use.person = r.text(4);
  row.use.step = r.text(5);
  row.use.authorisedBy = r.text(6);
  row.use.actingFor = r.text(7);
  row.previousHash = r.text(8);
  row.rowHash = r.text(9);
  stored.allText = true;  // the columns are TEXT NOT NULL: nothing else can be stored
  row.hashHolds = storage::rowHashHolds(row, timeText);
  return stored;
}

RegisterCheck checkRegister(server::Transaction& work, const std::string& url) {
  RegisterCheck result;
  result.path = server::redactedUrl(url);
  result.head = {0, storage::kGenesisHash};
  if (!server::tableExists(work, "seal_use")) return result;  // not yet created: an empty register
  const std::vector<std::string> missing = server::missingAppendOnlyTriggers(work, "seal_use");
  if (!missing.empty()) {
    result.problem = "the trigger " + missing.front() +
                     " is missing, disabled or altered (rows may have been changed or removed behind it)";
    return result;
  }
  std::string previousHash = storage::kGenesisHash;
  long long expected = 1;
  for (const server::Row& r : work.exec(std::string(kSelectRows) + "ORDER BY seq")) {
    const storage::StoredRow stored = readRow(r);
    result.problem = storage::chainProblem(stored, expected, previousHash);
    if (!result.ok()) {
      result.badRow = expected;
      return result;
    }
    previousHash = stored.row.rowHash;
    result.head = {stored.row.sequence, stored.row.rowHash};
    result.rowsChecked = expected++;
  }
  return result;
}

}  // namespace

ServerSealRegister::ServerSealRegister(const std::string& url, SealRegister::Access access)
    : url_(url), connection_(server::connect(url, "policy.register-open", "seal-use register (用印登记)")) {
  if (access == SealRegister::Access::ReadOnly) return;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::Schema);
    if (!server::tableExists(*work, "seal_use")) {
      work->exec(kTable);
      for (const std::string& statement : server::appendOnlyStatements(*work, "seal_use"))
        work->exec(statement);
    }
    work->commit();
  } catch (const std::exception& e) {
    throw systemError("policy.register-open",
                      server::redactedUrl(url) +
                          ": cannot prepare the seal-use register (用印登记): " + server::reason(e, url));
  }
}

ServerSealRegister::~ServerSealRegister() = default;

RegisteredSealUse ServerSealRegister::append(const SealUse& use) {
  const std::lock_guard<std::mutex> guard(mutex_);
  RegisterCheck checked;
  RegisteredSealUse row;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::SealRegister);
    checked = checkRegister(*work, url_);
    if (checked.ok()) {
      row.use = use;
      row.sequence = checked.head.sequence + 1;
      row.previousHash = checked.head.rowHash;
      row.rowHash = storage::rowHash(row.sequence, use, row.previousHash);
      row.hashHolds = true;
      work->exec(
          "INSERT INTO seal_use (seq, time, seal, document_sha256, person, step, authorised_by, acting_for, "
          "prev_hash, row_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          server::parameters(row.sequence, formatUtcTime(use.time), use.seal, use.documentDigest, use.person,
                             use.step, use.authorisedBy, use.actingFor, row.previousHash, row.rowHash));
      work->commit();
    }
  } catch (const std::exception& e) {
    throw systemError("policy.register-write",
                      server::redactedUrl(url_) + ": cannot record the seal use: " + server::reason(e, url_));
  }
  if (!checked.ok()) {
    throw systemError(
        "register.broken",
        checked.path + ": the seal-use register (用印登记) is broken" +
            (checked.badRow > 0 ? " at row " + std::to_string(checked.badRow) : "") + ": " + checked.problem +
            "; no seal is applied on a broken register: run `gongwen register verify` on it and "
            "restore the register from a backup");
  }
  return row;
}

RegisterCheck ServerSealRegister::check() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    return checkRegister(*work, url_);
  } catch (const std::exception& e) {
    RegisterCheck failed;
    failed.path = server::redactedUrl(url_);
    failed.problem = "it cannot be read: " + server::reason(e, url_);
    return failed;
  }
}

std::vector<RegisteredSealUse> ServerSealRegister::entries() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<RegisteredSealUse> rows;
  const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
  if (!server::tableExists(*work, "seal_use")) return rows;
  for (const server::Row& r : work->exec(std::string(kSelectRows) + "ORDER BY seq"))
    rows.push_back(readRow(r).row);
  return rows;
}

std::optional<RegisteredSealUse> ServerSealRegister::find(long long sequence) const {
  const std::lock_guard<std::mutex> guard(mutex_);
  const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
  if (!server::tableExists(*work, "seal_use")) return std::nullopt;
  const std::vector<server::Row> found =
      work->exec(std::string(kSelectRows) + "WHERE seq = $1", server::parameters(sequence));
  if (found.empty()) return std::nullopt;
  return readRow(found[0]).row;
}

}  // namespace gongwen::policy
