#pragma once
// The part of ingest that touches no archive: read a PDF, verify it with the verifier, refuse it
// when it does not hold, and describe it for the registry and its bag. Run for every file of a batch
// before anything is written, so that a refusal leaves the archive as it was.

#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/archive/ArchiveMetadata.h"
#include "pipeline/archive/RegistryRecords.h"
#include "pipeline/policy/Policy.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/SignatureCheckCache.h"
#include "signing/verify/Verifier.h"

namespace gongwen::archive {

struct IncomingDetails {
  bool incoming = false;
  std::string from;     // 来文机关
  std::string urgency;  // 特急, 加急 or ''
};

// Adds the long-term validation revisions (DSS, document timestamp) to a PDF that verified. Given
// by the caller: the archive never links the signing code.
// `verifyOptions` are those the archive verifies the document with; `policy` names the authority.
using LongTermExtender =
    std::function<std::string(const std::string& pdf, const std::string& file, const policy::Policy& policy,
                              const verify::VerifyOptions& verifyOptions)>;

struct PreparedDocument {
  std::string file;        // as named on the command line
  std::string pdf;         // the signed PDF to archive: as received, or extended
  std::string received;    // when extended: the PDF byte for byte as received, else
  std::string job;         // the source job's bytes, '' when none was given
  std::string reportJson;  // the verification report (signing/verify/ReportFormat)
  // The registry entry without what placing decides: id, sequence, ingestedAt, files and, for an
  // incoming document, its receiving time.
  DocumentRecord record;
  MetadataSource metadata;  // all but `record`, which points at the final entry when the bag is made
};

// Verifies `file` and describes it. Our own documents must verify in full against the policy
// (integrity, trust at signing time, the whole approval chain, seal uses); an incoming one is
// checked for integrity and trust in the policy's anchors only. Throws the refusal: exit 5
// ("archive.does-not-verify") when a signature or the file fails, 4 for a policy finding, 3 when
// the file is not a readable PDF or the job is not this document's.
// `certificates`, when given, keeps the policy's certificates read across the files of a batch, and
// `signatureChecks` the signatures already checked with them (VerifyOptions).
// `extend`, when given, extends the PDF once it verified; the extended PDF is verified again and
// archived, the received one kept beside it.
PreparedDocument prepareDocument(const std::string& file, const policy::Policy& policy,
                                 const std::string& jobPath, const IncomingDetails& incoming,
                                 cms::CertificateCache* certificates = nullptr,
                                 const LongTermExtender& extend = {},
                                 verify::SignatureCheckCache* signatureChecks = nullptr);

// prepareDocument for our own document whose caller has just verified exactly `pdf` (read from
// `file`) as the archive verifies it (archiveVerifyOptions, not incoming): `report` is that
// verification, refused as prepareDocument refuses one; nothing is read from `file` or verified
// again. Not extended for long-term validation.
PreparedDocument prepareVerifiedDocument(const std::string& file, std::string pdf,
                                         const verify::Report& report, const policy::Policy& policy,
                                         const std::string& jobPath);

// How an archived document is verified, at ingest and when the audit verifies it again: our own
// against the policy (people, approval chain, seal register), an incoming one against the policy's
// trust anchors only (another organ's chain is not ours to check).
verify::VerifyOptions archiveVerifyOptions(const policy::Policy& policy, bool incoming);

// The people an incoming document goes to: the 书记 for a Party organ's document, else the 局长,
// with the name the policy gives, e.g. "局长 王建国".
std::string routeIncoming(const policy::Policy& policy, const std::string& sender);

}  // namespace gongwen::archive
