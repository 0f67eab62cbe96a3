#pragma once
// One document through the pipeline (BatchRun.h), from wherever its record says it stands. Each
// transition is written to its PDF file first (atomically) and then recorded in the store, so that a
// crash between the two loses nothing: the next run adopts the newer PDF it finds in the document's
// folder, as it adopts one a leader signed there by hand with `gongwen sign`. An approval followed at
// once by the next one is held in memory (DocumentPipeline.cpp says which revisions are written).

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/archive/IngestPreparation.h"
#include "pipeline/batch/BatchRun.h"
#include "pipeline/batch/BatchStateStore.h"
#include "pipeline/batch/Keyring.h"
#include "pipeline/batch/KeyringKeys.h"
#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/policy/SealRegister.h"
#include "signing/cms/PemCertificates.h"

namespace gongwen::batch {

// What every document of a run shares, loaded once.
struct BatchContext {
  const policy::Policy& policy;
  std::string policyPath;
  const Keyring& keyring;
  KeyringKeys& keys;
  const fonts::FontLibrary& fonts;
  std::string archiveDir;
  std::string workDir;
  BatchStateStore& store;
  std::string sharedDigest;  // of the fonts and the policy: part of every document's key
  std::optional<std::int64_t> fixedTime;
  bool dryRun = false;
  // The policy's certificates and trust anchors, parsed once for every verification of the run.
  cms::CertificateCache* certificates = nullptr;
  std::string registry;                             // BatchOptions::registry
  policy::SealUseRegister* sealRegister = nullptr;  // the policy's, kept open for the run
};

struct DocumentJob {
  std::string job;           // the job file
  std::string source;        // as reported: the job file, or PROPOSALS.csv:row N
  std::string relativePath;  // the shard key
};

// A document as processDocument leaves it. One that verified in full comes with what the archive
// needs of it, verified and described (archive::prepareForIngest), and is still pending: it is done
// once archiveDocuments has placed it.
struct ProcessedDocument {
  DocumentOutcome outcome;
  std::optional<archive::PreparedDocument> toArchive;
};

// Never throws for the document's own failures: they are its outcome (state Failed, the stage, the
// error). Throws only what stops the run (the state store cannot be written).
ProcessedDocument processDocument(const BatchContext& context, const DocumentJob& job);

// Places the prepared documents of `group` into the archive as one ingest and records each as done,
// or as failed with the archive's reason: when the archive refuses the group, each is placed alone,
// so that one document's refusal is its own. Throws only what stops the run.
void archiveDocuments(const BatchContext& context, const std::vector<ProcessedDocument*>& group);

// The document's folder in the work directory, where its PDFs are kept and hand-signed ones put.
std::string documentFolder(const std::string& workDir, const DocumentRecord& record);

}  // namespace gongwen::batch
