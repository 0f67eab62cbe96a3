#pragma once
// The part of ingest that touches no archive: read a PDF, verify it with the verifier, refuse it
// when it does not hold, and describe it for the registry and its bag. Run for every file of a batch
// before anything is written, so that a refusal leaves the archive as it was.

#include <ctime>
#include <string>
#include <vector>

#include "pipeline/archive/ArchiveMetadata.h"
#include "pipeline/archive/RegistryRecords.h"
#include "pipeline/policy/Policy.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/SignatureCheckCache.h"

namespace gongwen::archive {

struct IncomingDetails {
  bool incoming = false;
  std::string from;     // 来文机关
  std::string urgency;  // 特急, 加急 or ''
};

struct PreparedDocument {
  std::string file;        // as named on the command line
  std::string pdf;         // the signed PDF, byte for byte
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
PreparedDocument prepareDocument(const std::string& file, const policy::Policy& policy,
                                 const std::string& jobPath, const IncomingDetails& incoming,
                                 cms::CertificateCache* certificates = nullptr,
                                 verify::SignatureCheckCache* signatureChecks = nullptr);

// The people an incoming document goes to: the 书记 for a Party organ's document, else the 局长,
// with the name the policy gives, e.g. "局长 王建国".
std::string routeIncoming(const policy::Policy& policy, const std::string& sender);

}  // namespace gongwen::archive
