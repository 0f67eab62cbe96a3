#pragma once
// Where `gongwen batch` keeps each document's state between runs: one record per document, keyed by
// the SHA-256 of its job, template, fonts and policy (DocumentKey.h), so that a changed job is a new
// document and a rerun continues every other one from its last transition.
//
// Every record() is one atomic transition: after a crash at any point the store holds the record
// as it was before or as it is after, never a mixture. Implementations are safe to call from the
// worker threads of one process at once, and from several processes sharing the store (shards);
// two processes never work on the same document (their shards are disjoint), so a transition needs
// no compare-and-set. The embedded store is SQLite in the work directory
// (SqliteBatchStateStore.h); a server store (PostgreSQL) implements the same interface.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongwen::batch {

// Where a document stands. Pending: work is left that this run can do. Waiting: the next step's
// signer has no credential in the keyring; a later run (after that person signed by hand, or with
// their key) carries on. Done: archived. Failed: a stage refused the document; a rerun tries again.
enum class DocumentState { Pending, Waiting, Done, Failed };

const char* toString(DocumentState state);  // "pending", "waiting", "done", "failed"
// The state named by toString; nullopt for anything else.
std::optional<DocumentState> documentStateNamed(const std::string& name);

// waitingPeople as a store keeps it (person ids never hold spaces), and back.
std::string peopleText(const std::vector<std::string>& people);
std::vector<std::string> peopleNamed(const std::string& text);

struct DocumentRecord {
  std::string key;           // hex SHA-256 of job, template, fonts and policy
  std::string job;           // the job file (for a proposal reply: the letter's job the reply wrote)
  std::string source;        // what the document came from as given: the job file, or PROPOSALS.csv:row
  std::string relativePath;  // the source relative to its input root: the shard key
  DocumentState state = DocumentState::Pending;
  // The last stage reached (state Pending, Waiting, Done) or the stage that refused it (Failed):
  // check, render, sign, verify, archive.
  std::string stage;
  std::string pdf;          // the document's current PDF in the work directory, rendered or signed so far
  int signatures = 0;       // signatures in `pdf`
  std::string chain;        // the approval chain's id, once rendered
  std::string waitingFor;   // Waiting: "局长签发 — 王建国"
  std::string waitingStep;  // Waiting: the step's id
  std::vector<std::string> waitingPeople;  // Waiting: the ids of the people who may give that step
  std::string errorCode;                   // Failed: the error's dotted code
  std::string error;                       // Failed: its message
  std::string archiveId;                   // Done: the archive's id for it
  std::int64_t updated = 0;                // Unix time of the last transition
};

class BatchStateStore {
 public:
  virtual ~BatchStateStore() = default;

  // The document's record, or nullopt when no run has seen it.
  virtual std::optional<DocumentRecord> find(const std::string& key) const = 0;
  // Inserts or replaces the document's record in one atomic, durable transition. Throws
  // Error(System, "batch.state-write") naming the store when it cannot.
  virtual void record(const DocumentRecord& record) = 0;
  // Every record, ordered by source.
  virtual std::vector<DocumentRecord> all() const = 0;
};

}  // namespace gongwen::batch
