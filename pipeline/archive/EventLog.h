#pragma once
// The archive's event log (events table): ingest, audit, repair, loss, borrow, return, refusal.
// Each event's hash is SHA-256 over its canonical text: the length-prefixed fields (as the seal-use
// register hashes its rows) seq, time, kind, document_id, detail, prev_hash; prev_hash is the hash
// of the event before (64 zeros for event 1). An edited event no longer matches its hash, a deleted
// one leaves a gap in seq or a broken prev_hash, a reordered one both.
//
// Other parts may rely on: appendEvent() inside the caller's ArchiveRegistry::Transaction (so the
// event commits with the rows it describes); verifyEventChain() for the audit; readEvents().

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/policy/SealRegister.h"

struct sqlite3;

namespace gongwen::archive {

class ArchiveRegistry;

// The kinds the issue names; stored as their lower-case English name.
enum class EventKind { Ingest, Audit, Repair, Loss, Borrow, Return, Refusal };
const char* eventKindName(EventKind kind);

struct ArchiveEvent {
  long long sequence = 0;
  std::string time;        // ISO 8601 UTC
  std::string kind;        // eventKindName()
  std::string documentId;  // '' for events about the whole archive (an audit)
  std::string detail;      // a JSON object
  std::string previousHash;
  std::string hash;
};

// Appends one event after the last; the caller holds a Transaction. Throws
// Error(System, "archive.registry-write").
ArchiveEvent appendEvent(ArchiveRegistry& registry, EventKind kind, const std::string& documentId,
                         const std::string& detailJson, std::time_t when);

// The event after one with `lastSequence` and `lastHash` (0 and '' for the first), its hash computed.
ArchiveEvent followingEvent(long long lastSequence, const std::string& lastHash, EventKind kind,
                            const std::string& documentId, const std::string& detailJson, std::time_t when);

// The hash an event must carry.
std::string eventHash(const ArchiveEvent& event);

// The events in seq order; of one document when `documentId` is given.
std::vector<ArchiveEvent> readEvents(const ArchiveRegistry& registry,
                                     const std::optional<std::string>& documentId = std::nullopt);

struct ChainBreak {
  long long sequence = 0;  // the first event that is wrong (or the seq where one is missing)
  std::string problem;     // what is wrong, for the audit report
};

// What is wrong with `event` as event `expected` after one whose hash is `previousHash` (nullopt when
// nothing): the one test of the chain, for the SQLite and the server registry alike. `allText`: its
// fields were stored as text.
std::optional<ChainBreak> eventBreak(const ArchiveEvent& event, bool allText, long long expected,
                                     const std::string& previousHash);

// The log's head file, DIR/registry.sqlite.head ("SEQUENCE HASH" of the last event, as the seal-use
// register keeps its head): cutting events from the end of the log leaves no break in the chain, but
// leaves the head naming an event that is gone. Rewritten atomically after every commit
// (ArchiveRegistry::Transaction), so it names the last event or, after a stop between the commit and
// its rewrite, an earlier one. Call under the write lock, outside a transaction of the caller's.
void writeEventHead(const ArchiveRegistry& registry);

// The head file as read: nullopt head when there is none; `problem` when it does not read as a head.
struct EventHeadFile {
  std::string path;
  std::optional<policy::RegisterHead> head;
  std::string problem;
};
EventHeadFile readEventHead(const ArchiveRegistry& registry);

// What is wrong with `file` against `events`, the whole log read after it: missing while there are
// events, unreadable, naming an event past the last or one whose hash is another.
std::optional<ChainBreak> eventHeadBreak(const EventHeadFile& file, const std::vector<ArchiveEvent>& events);

// nullopt when every event follows the one before; otherwise the first break. Reads in one
// transaction of its own unless the caller holds one.
std::optional<ChainBreak> verifyEventChain(const ArchiveRegistry& registry);

}  // namespace gongwen::archive
