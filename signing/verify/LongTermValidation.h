#pragma once
// Long-term validation (PAdES B-LT and B-LTA, ETSI EN 319 102-1 in outline): which level each
// signature reaches, and whether it still holds at the verification time once its certificates
// have expired. A certificate that has expired can no longer be checked with its CA (CRLs drop it,
// OCSP responders stop answering), so from then on a signature holds only on validation data the
// file carries (its DSS) that a document timestamp proves was gathered while the certificates were
// still valid. Document timestamps are renewed by later ones: each must be followed by the next
// before its authority's certificate expires; the newest stands on its own time.

#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "signing/verify/DocumentTimestamps.h"
#include "signing/verify/SecurityStore.h"

namespace gongwen::verify {

// The DSS as of each revision, read once per verification.
class SecurityStores {
 public:
  explicit SecurityStores(const pdf::Document& document) : doc_(document) {}
  // As of `revision` (1-based, as reports number them).
  const SecurityStore& asOf(size_t revision);
  const SecurityStore& latest() { return asOf(doc_.revisions().size()); }

 private:
  const pdf::Document& doc_;
  std::map<size_t, SecurityStore> stores_;
};

// What long-term validation needs to know of one signature.
struct LongTermSubject {
  size_t revision = 0;             // 1-based revision the signature covers
  std::string vriKey;              // vriKey() of its /Contents
  bool timestamped = false;        // a valid signature timestamp, or a valid document timestamp covering it
  std::vector<std::string> chain;  // DER of its certificate chain, trust anchor excluded
  std::time_t chainExpires = 0;    // the earliest notAfter in the chain, anchor included
};

struct LongTermVerdict {
  std::string level;  // "B-B", "B-T", "B-LT" or "B-LTA"
  std::vector<Problem> problems;
};

// The earliest valid document timestamp, after the signature, whose revision's DSS carries the
// signature's validation data; null when none does. `timestamps` in the order of their revisions.
const DocumentTimestampReport* securingTimestamp(const LongTermSubject& subject,
                                                 const std::vector<DocumentTimestampReport>& timestamps,
                                                 SecurityStores& stores);

// `timestamps` in the order of the revisions they cover; `at` the verification time.
LongTermVerdict assessLongTerm(const LongTermSubject& subject,
                               const std::vector<DocumentTimestampReport>& timestamps, SecurityStores& stores,
                               std::time_t at);

// Each document timestamp but the newest whose authority's certificate has expired by `at` must be
// followed by a valid one made before that expiry; a problem is added to each that is not.
void checkTimestampRenewals(std::vector<DocumentTimestampReport>& timestamps, std::time_t at);

}  // namespace gongwen::verify
