#pragma once
// `gongwen archive ingest`: verify every file first (IngestPreparation.h), refuse the whole batch on
// the first file that does not hold, and only then touch the archive: initialise it when DIR is not
// one yet, take the exclusive lock, clean what an interrupted ingest left (BagPlacement.h), and place
// and register the documents in chunks. A file whose bytes are archived already is a no-op; another
// file under an outgoing 发文字号 already archived is refused (exit 4, "archive.number-taken").

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/IngestPreparation.h"
#include "signing/verify/SignatureCheckCache.h"

namespace gongwen::archive {

struct IngestRequest {
  std::vector<std::string> files;
  std::string policyPath;
  std::string jobPath;  // only with a single file
  IncomingDetails incoming;
  // A postgresql:// URL (--registry): the archive's registry and the seal-use register the
  // verification reads are there, not in DIR and at the policy's path. Empty: the SQLite ones.
  std::string registry;
  // Whether each PDF is archived extended for long-term validation (ingest --ltv / --no-ltv);
  // unset: when the policy names a timestamp authority. Needs `extender`.
  std::optional<bool> longTerm;
  LongTermExtender extender;
  // A batch that verified its documents already passes what it keeps for the run: the policy as
  // loaded from policyPath (with `registry` applied), its certificate cache and the signatures it
  // checked (SignatureCheckCache.h), so that ingest does not load and check them again. Null: made here.
  const policy::Policy* policy = nullptr;
  cms::CertificateCache* certificates = nullptr;
  verify::SignatureCheckCache* signatureChecks = nullptr;
};

struct IngestOutcome {
  std::string file;
  std::string archiveId;
  std::string number;
  bool alreadyArchived = false;  // the same bytes were archived before: nothing done
};

std::vector<IngestOutcome> ingestDocuments(const std::string& archiveDir, const IngestRequest& request);

// ingestDocuments in its two halves, for a caller that prepares documents as they become ready and
// places whatever is ready together (the batch: one lock, one registry transaction and one round of
// flushes for many documents). prepareForIngest verifies and describes request.files[index] and
// touches no archive; placePrepared places documents prepared so (of requests with the same
// `registry`) as one ingest, refusing them all as ingestDocuments does.
PreparedDocument prepareForIngest(const IngestRequest& request, const policy::Policy& policy,
                                  std::size_t index);
std::vector<IngestOutcome> placePrepared(const std::string& archiveDir, const IngestRequest& request,
                                         std::vector<PreparedDocument>& prepared);

// prepareForIngest of request.files[0] for a caller that has just verified exactly `pdf`, the bytes
// of that file, as the archive verifies it (prepareVerifiedDocument): `pdfSha256` is the SHA-256
// (hex) of the bytes `report` was made of, and a PDF whose hash differs is verified here afresh.
PreparedDocument prepareVerifiedForIngest(const IngestRequest& request, const policy::Policy& policy,
                                          std::string pdf, const verify::Report& report,
                                          const std::string& pdfSha256);

}  // namespace gongwen::archive
