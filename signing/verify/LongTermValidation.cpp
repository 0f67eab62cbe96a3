#include "signing/verify/LongTermValidation.h"

#include <algorithm>

#include "pipeline/core/UtcTime.h"

namespace gongwen::verify {
namespace {

// The store carries this signature's validation data: every certificate of its chain short of the
// anchor (whatever /VRI says: a key alone proves nothing), or, for a signer that is itself the
// anchor, a /VRI entry for it.
bool carriesDataFor(const SecurityStore& store, const LongTermSubject& subject) {
  if (!store.present) return false;
  if (subject.chain.empty()) return store.vriKeys.count(subject.vriKey) > 0;
  return std::all_of(subject.chain.begin(), subject.chain.end(),
                     [&](const std::string& der) { return store.holdsCertificate(der); });
}

}  // namespace

const SecurityStore& SecurityStores::asOf(size_t revision) {
  auto it = stores_.find(revision);
  if (it == stores_.end()) it = stores_.emplace(revision, readSecurityStore(doc_, revision - 1)).first;
  return it->second;
}

const DocumentTimestampReport* securingTimestamp(const LongTermSubject& subject,
                                                 const std::vector<DocumentTimestampReport>& timestamps,
                                                 SecurityStores& stores) {
  for (const auto& timestamp : timestamps) {
    if (timestamp.valid() && timestamp.revision > subject.revision &&
        carriesDataFor(stores.asOf(timestamp.revision), subject))
      return &timestamp;
  }
  return nullptr;
}

LongTermVerdict assessLongTerm(const LongTermSubject& subject,
                               const std::vector<DocumentTimestampReport>& timestamps, SecurityStores& stores,
                               std::time_t at) {
  LongTermVerdict verdict;
  const DocumentTimestampReport* securedBy = securingTimestamp(subject, timestamps, stores);
  const bool longTerm = subject.timestamped && carriesDataFor(stores.latest(), subject);
  verdict.level = securedBy != nullptr && longTerm ? "B-LTA"
                  : longTerm                       ? "B-LT"
                  : subject.timestamped            ? "B-T"
                                                   : "B-B";
  if (subject.chainExpires == 0 || at <= subject.chainExpires) return verdict;
  if (securedBy == nullptr) {
    verdict.problems.push_back(
        {"ltv.no-validation-data",
         "a certificate of the signer's chain expired at " + formatUtcTime(subject.chainExpires) +
             ", before the verification time " + formatUtcTime(at) +
             ", and no document timestamp secures validation data for this signature in the file; extend "
             "documents with `gongwen ltv` while their certificates are valid"});
  } else if (securedBy->genTime > subject.chainExpires) {
    verdict.problems.push_back(
        {"ltv.secured-too-late", "the validation data for this signature was timestamped at " +
                                     securedBy->time +
                                     ", after a certificate of the signer's chain expired at " +
                                     formatUtcTime(subject.chainExpires)});
  }
  return verdict;
}

void checkTimestampRenewals(std::vector<DocumentTimestampReport>& timestamps, std::time_t at) {
  for (size_t i = 0; i + 1 < timestamps.size(); ++i) {
    DocumentTimestampReport& older = timestamps[i];
    if (!older.valid() || older.authorityExpires == 0 || at <= older.authorityExpires) continue;
    const bool renewed = std::any_of(timestamps.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                     timestamps.end(), [&](const DocumentTimestampReport& later) {
                                       return later.valid() && later.genTime <= older.authorityExpires;
                                     });
    if (!renewed) {
      older.problems.push_back(
          {"timestamp.not-renewed", "the authority's certificate of this document timestamp expired at " +
                                        formatUtcTime(older.authorityExpires) +
                                        " and no later document timestamp was made before then"});
    }
  }
}

}  // namespace gongwen::verify
