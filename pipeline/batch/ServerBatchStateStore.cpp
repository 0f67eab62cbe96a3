#include "pipeline/batch/ServerBatchStateStore.h"

#include "pipeline/core/Error.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::batch {

namespace server = policy::server;

namespace {

constexpr const char* kCreate =
    "CREATE TABLE batch_document (key TEXT PRIMARY KEY, job TEXT NOT NULL, source TEXT NOT NULL, "
    "relative_path TEXT NOT NULL, state TEXT NOT NULL, stage TEXT NOT NULL, pdf TEXT NOT NULL, "
    "signatures INTEGER NOT NULL, chain TEXT NOT NULL, waiting_for TEXT NOT NULL, waiting_step TEXT NOT "
    "NULL, "
    "waiting_people TEXT NOT NULL, error_code TEXT NOT NULL, error TEXT NOT NULL, archive_id TEXT NOT NULL, "
    "updated BIGINT NOT NULL)";
constexpr const char* kColumns =
    "SELECT key, job, source, relative_path, state, stage, pdf, signatures, chain, waiting_for, "
    "waiting_step, "
    "waiting_people, error_code, error, archive_id, updated FROM batch_document ";

DocumentRecord readRecord(const server::Row& row) {
  DocumentRecord r;
  r.key = row.text(0);
  r.job = row.text(1);
  r.source = row.text(2);
  r.relativePath = row.text(3);
  r.state = documentStateNamed(row.text(4)).value_or(DocumentState::Pending);
  r.stage = row.text(5);
  r.pdf = row.text(6);
  r.signatures = static_cast<int>(row.integer(7));
  r.chain = row.text(8);
  r.waitingFor = row.text(9);
  r.waitingStep = row.text(10);
  r.waitingPeople = peopleNamed(row.text(11));
  r.errorCode = row.text(12);
  r.error = row.text(13);
  r.archiveId = row.text(14);
  r.updated = row.integer(15);
  return r;
}

}  // namespace

ServerBatchStateStore::ServerBatchStateStore(const std::string& url, bool readOnly)
    : url_(url), readOnly_(readOnly), connection_(server::connect(url, "batch.state-open", "batch state")) {
  if (readOnly) return;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::Schema);
    if (!server::tableExists(*work, "batch_document")) work->exec(kCreate);
    work->commit();
  } catch (const std::exception& e) {
    throw systemError("batch.state-open", server::redactedUrl(url) +
                                              ": cannot prepare the batch state: " + server::reason(e, url));
  }
}

ServerBatchStateStore::~ServerBatchStateStore() = default;

std::vector<DocumentRecord> ServerBatchStateStore::select(const std::string& where,
                                                          const std::string& key) const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<DocumentRecord> records;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    // A read-only look at a database no run has written yet: no documents.
    if (!server::tableExists(*work, "batch_document")) return records;
    const std::vector<server::Row> rows = work->exec(
        std::string(kColumns) + where, key.empty() ? server::parameters() : server::parameters(key));
    for (const server::Row& row : rows) records.push_back(readRecord(row));
  } catch (const std::exception& e) {
    throw systemError("batch.state-read", server::redactedUrl(url_) + ": " + server::reason(e, url_));
  }
  return records;
}

std::optional<DocumentRecord> ServerBatchStateStore::find(const std::string& key) const {
  std::vector<DocumentRecord> found = select("WHERE key = $1", key);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<DocumentRecord> ServerBatchStateStore::all() const { return select("ORDER BY source, key", ""); }

void ServerBatchStateStore::record(const DocumentRecord& r) {
  if (readOnly_)
    throw systemError("batch.state-write", server::redactedUrl(url_) + ": the batch state is open read-only");
  const std::lock_guard<std::mutex> guard(mutex_);
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    work->exec(
        "INSERT INTO batch_document VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
        "$15, $16) "
        "ON CONFLICT (key) DO UPDATE SET job = EXCLUDED.job, source = EXCLUDED.source, relative_path = "
        "EXCLUDED.relative_path, state = EXCLUDED.state, stage = EXCLUDED.stage, pdf = EXCLUDED.pdf, "
        "signatures = EXCLUDED.signatures, chain = EXCLUDED.chain, waiting_for = EXCLUDED.waiting_for, "
        "waiting_step = EXCLUDED.waiting_step, waiting_people = EXCLUDED.waiting_people, error_code = "
        "EXCLUDED.error_code, error = EXCLUDED.error, archive_id = EXCLUDED.archive_id, updated = "
        "EXCLUDED.updated",
        server::parameters(r.key, r.job, r.source, r.relativePath, std::string(toString(r.state)), r.stage,
                           r.pdf, r.signatures, r.chain, r.waitingFor, r.waitingStep,
                           peopleText(r.waitingPeople), r.errorCode, r.error, r.archiveId,
                           static_cast<long long>(r.updated)));
    work->commit();
  } catch (const std::exception& e) {
    throw systemError("batch.state-write", server::redactedUrl(url_) + ": cannot record the state of " +
                                               r.source + ": " + server::reason(e, url_));
  }
}

}  // namespace gongwen::batch
