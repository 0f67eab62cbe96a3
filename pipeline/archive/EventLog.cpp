#include "pipeline/archive/EventLog.h"

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/archive/RegistryStatement.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::archive {

namespace {

const std::string kGenesis(64, '0');

const char* const kSelectEvents =
    "SELECT seq, time, kind, document_id, detail, prev_hash, hash, "
    "typeof(time) = 'text' AND typeof(kind) = 'text' AND typeof(document_id) = 'text' AND "
    "typeof(detail) = 'text' AND typeof(prev_hash) = 'text' AND typeof(hash) = 'text' FROM events ";

ArchiveEvent readEvent(sqlite3_stmt* s) {
  return {sqlite3_column_int64(s, 0),
          column(s, 1),
          column(s, 2),
          column(s, 3),
          column(s, 4),
          column(s, 5),
          column(s, 6)};
}

}  // namespace

const char* eventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::Ingest:
      return "ingest";
    case EventKind::Audit:
      return "audit";
    case EventKind::Repair:
      return "repair";
    case EventKind::Loss:
      return "loss";
    case EventKind::Borrow:
      return "borrow";
    case EventKind::Return:
      return "return";
    case EventKind::Refusal:
      return "refusal";
  }
  return "unknown";
}

std::string eventHash(const ArchiveEvent& e) {
  return sha256Hex(policy::storage::canonicalFields(
      {std::to_string(e.sequence), e.time, e.kind, e.documentId, e.detail, e.previousHash}));
}

ArchiveEvent followingEvent(long long lastSequence, const std::string& lastHash, EventKind kind,
                            const std::string& documentId, const std::string& detailJson, std::time_t when) {
  ArchiveEvent event;
  event.sequence = lastSequence + 1;
  event.previousHash = lastSequence == 0 ? kGenesis : lastHash;
  event.time = formatUtcTime(when);
  event.kind = eventKindName(kind);
  event.documentId = documentId;
  event.detail = detailJson;
  event.hash = eventHash(event);
  return event;
}

ArchiveEvent appendEvent(ArchiveRegistry& registry, EventKind kind, const std::string& documentId,
                         const std::string& detailJson, std::time_t when) {
  long long lastSequence = 0;
  std::string lastHash;
  Statement last = prepare(registry.db(), sql::kLastEvent);
  if (!last) registry.fail("read the last event");
  if (sqlite3_step(last.get()) == SQLITE_ROW) {
    lastSequence = sqlite3_column_int64(last.get(), 0);
    lastHash = column(last.get(), 1);
  }
  last.reset();
  const ArchiveEvent event = followingEvent(lastSequence, lastHash, kind, documentId, detailJson, when);
  Row(registry, sql::kInsertEvent)
      .integer(event.sequence)
      .text(event.time)
      .text(event.kind)
      .text(event.documentId)
      .text(event.detail)
      .text(event.previousHash)
      .text(event.hash)
      .insert(std::string("the ") + event.kind + " event");
  return event;
}

std::vector<ArchiveEvent> readEvents(const ArchiveRegistry& registry,
                                     const std::optional<std::string>& documentId) {
  Statement select =
      prepare(registry.db(),
              std::string(kSelectEvents) + (documentId ? "WHERE document_id = ? " : "") + "ORDER BY seq");
  if (!select) registry.fail("read the events");
  if (documentId) sqlite3_bind_text(select.get(), 1, documentId->c_str(), -1, SQLITE_TRANSIENT);
  std::vector<ArchiveEvent> events;
  while (sqlite3_step(select.get()) == SQLITE_ROW) events.push_back(readEvent(select.get()));
  return events;
}

std::optional<ChainBreak> eventBreak(const ArchiveEvent& event, bool allText, long long expected,
                                     const std::string& previousHash) {
  const std::string at = "event " + std::to_string(expected);
  if (event.sequence != expected)
    return ChainBreak{expected, at + " is missing: the next event is " + std::to_string(event.sequence)};
  if (!allText) return ChainBreak{expected, at + " holds a value that is not text"};
  if (event.previousHash != previousHash)
    return ChainBreak{expected, at + " does not follow event " + std::to_string(expected - 1) +
                                    " (its prev_hash is not that event's hash): an event before it was "
                                    "deleted, edited or moved"};
  if (eventHash(event) != event.hash)
    return ChainBreak{expected, at + " (" + event.kind + " " + event.documentId +
                                    ") was altered: its hash does not match its fields"};
  return std::nullopt;
}

void writeEventHead(const ArchiveRegistry& registry) {
  policy::RegisterHead head{0, kGenesis};
  Statement last = prepare(registry.db(), sql::kLastEvent);
  if (!last) registry.fail("read the last event");
  if (sqlite3_step(last.get()) == SQLITE_ROW)
    head = {sqlite3_column_int64(last.get(), 0), column(last.get(), 1)};
  last.reset();
  policy::storage::writeHeadFile(registry.path(), head);
}

EventHeadFile readEventHead(const ArchiveRegistry& registry) {
  EventHeadFile file;
  file.path = policy::headFilePath(registry.path());
  try {
    file.head = policy::storage::readHeadFile(registry.path(), file.problem);
  } catch (const Error& unreadable) {
    file.head = policy::RegisterHead{};
    file.problem = unreadable.what();
  }
  return file;
}

std::optional<ChainBreak> eventHeadBreak(const EventHeadFile& file, const std::vector<ArchiveEvent>& events) {
  const std::string& path = file.path;
  if (!file.head) {
    if (events.empty()) return std::nullopt;
    return ChainBreak{0, "its head file " + path +
                             " is missing, so events cut from the end of the log would "
                             "not show"};
  }
  if (!file.problem.empty()) return ChainBreak{0, file.problem};
  const policy::RegisterHead& named = *file.head;
  const long long last = events.empty() ? 0 : events.back().sequence;
  if (named.sequence > last)
    return ChainBreak{last + 1, "its head file names event " + std::to_string(named.sequence) +
                                    " but the log ends at event " + std::to_string(last) +
                                    ": events were removed from the end of the log"};
  std::string hash = kGenesis;
  for (const ArchiveEvent& event : events) {
    if (event.sequence == named.sequence) hash = event.hash;
  }
  if (hash != named.rowHash)
    return ChainBreak{named.sequence, "event " + std::to_string(named.sequence) +
                                          "'s hash differs from the one the head file " + path +
                                          " names: the log was rewritten"};
  return std::nullopt;
}

std::optional<ChainBreak> verifyEventChain(const ArchiveRegistry& registry) {
  sqlite3* db = registry.db();
  const bool ownTransaction = sqlite3_get_autocommit(db) != 0;
  if (ownTransaction) exec(db, "BEGIN");
  std::optional<ChainBreak> broken;
  Statement select = prepare(db, std::string(kSelectEvents) + "ORDER BY seq");
  if (!select) broken = ChainBreak{0, std::string("the events cannot be read: ") + sqlite3_errmsg(db)};
  std::string previousHash = kGenesis;
  long long expected = 1;
  int step = SQLITE_DONE;
  while (!broken && (step = sqlite3_step(select.get())) == SQLITE_ROW) {
    ArchiveEvent event = readEvent(select.get());
    // A seq stored as something else than an integer is no place in the chain.
    if (sqlite3_column_type(select.get(), 0) != SQLITE_INTEGER) event.sequence = -1;
    broken = eventBreak(event, sqlite3_column_int(select.get(), 7) != 0, expected, previousHash);
    previousHash = event.hash;
    ++expected;
  }
  if (!broken && select && step != SQLITE_DONE)
    broken = ChainBreak{expected, std::string("the events cannot be read: ") + sqlite3_errmsg(db)};
  select.reset();
  if (ownTransaction) exec(db, "COMMIT");
  return broken;
}

}  // namespace gongwen::archive
