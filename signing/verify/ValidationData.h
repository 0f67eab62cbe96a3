#pragma once
// The validation material one verification may use: certificates, CRLs and OCSP responses (all
// DER), each tagged with where it came from, plus the time the verification is made at and whether
// the network may be asked for more. The file's DSS, the policy's CRL files and the revocation
// checker's own fetches all add to the same pool, so that what was fetched can be embedded later.

#include <ctime>
#include <string>
#include <vector>

namespace gongwen::verify {

enum class ValidationSource {
  FileDss,  // the PDF's document security store
  Policy,   // a CRL file the policy names
  Network,  // fetched from a CRL distribution point or an OCSP responder while verifying
};

inline const char* sourceName(ValidationSource source) {
  switch (source) {
    case ValidationSource::FileDss:
      return "file DSS";
    case ValidationSource::Policy:
      return "policy";
    case ValidationSource::Network:
      return "network";
  }
  return "unknown";
}

struct ValidationItem {
  std::string der;
  ValidationSource source = ValidationSource::Network;
  std::string origin;  // the file or URL it came from, for reports ("" when it was in the PDF)
};

struct ValidationData {
  std::vector<ValidationItem> certificates;
  std::vector<ValidationItem> crls;
  std::vector<ValidationItem> ocspResponses;
  // The time the verification is made at (`verify --at`): certificates without a proven signing
  // time, CRLs and OCSP responses must be valid then.
  std::time_t at = std::time(nullptr);
  // `verify --offline`: only what the file and the policy carry; nothing is fetched.
  bool offline = false;
};

}  // namespace gongwen::verify
