#pragma once
// `gongwen batch`: every document from its job to the archive — check → render → the approvals and
// the seal as far as the keyring allows → verify → archive ingest — on worker threads of one
// process, each document's progress recorded in the BatchStateStore so that a rerun continues
// where the last one stopped (after a crash too) and skips what is done. One document's failure is
// its own: the others go on.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/batch/BatchInputs.h"
#include "pipeline/batch/BatchStateStore.h"

namespace gongwen::batch {

// The stages in order; a document's timings and a failure name them.
inline const std::vector<std::string> kStages = {"reply", "check", "render", "sign", "verify", "archive"};

struct BatchOptions {
  std::vector<std::string> inputs;
  std::string policyPath;
  std::string archiveDir;
  std::string keyringPath;  // empty: nobody signs in this run (documents wait at their first step)
  std::string workDir;      // empty: archiveDir/work
  unsigned threads = 0;     // 0: the number of cores
  Shard shard;
  bool dryRun = false;
  std::optional<std::int64_t> fixedTime;  // SOURCE_DATE_EPOCH: the rendered PDFs' dates
  // A postgresql:// URL: the batch state, the seal-use register and the archive's registry live
  // there (shards on many machines); empty: the SQLite ones in the work directory, at the policy's
  // register path and in the archive.
  std::string registry;
  // Files the caller writes once the run is done (--report): refused (AtomicFile.h) before any work,
  // once the policy and the keyring are read, when they name a file the run depends on.
  std::vector<std::string> laterOutputs;
};

struct StageTime {
  std::string stage;
  double seconds = 0;
};

struct DocumentOutcome {
  DocumentRecord record;
  bool alreadyDone = false;  // done in an earlier run: nothing was done now
  std::string plan;          // --dry-run: what would be done
  std::vector<StageTime> timings;
};

struct BatchSummary {
  std::vector<DocumentOutcome> documents;  // in input order
  double seconds = 0;
  std::string workDir;
  bool anyFailed() const;
};

// Called once per document as it finishes, from the worker threads one at a time.
using ProgressFn =
    std::function<void(const DocumentOutcome& outcome, std::size_t finished, std::size_t total)>;

// Throws for what stops the whole run before any document is worked on: usage (exit 2), an invalid
// policy or keyring (3), an unusable archive or work directory (6).
BatchSummary runBatch(const BatchOptions& options, const ProgressFn& progress);

// The work directory: options.workDir, or archiveDir/work.
std::string workDirOf(const std::string& workDir, const std::string& archiveDir);

}  // namespace gongwen::batch
