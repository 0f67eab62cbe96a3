#pragma once
// The document security store revision (PAdES B-LT): one incremental revision that adds the
// validation data of signatures to the catalog's /DSS (/Certs, /CRLs, /OCSPs, and a /VRI entry per
// signature naming its items). What the document's DSS holds already is kept and not written twice.

#include <string>
#include <vector>

#include "signing/sign/SignableDocument.h"

namespace gongwen::sign {

// The validation data of one signature or timestamp, all DER.
struct ValidationEntry {
  std::string vriKey;  // upper-case hex SHA-1 of its /Contents value
  std::vector<std::string> certificates;
  std::vector<std::string> crls;
  std::vector<std::string> ocspResponses;
};

// Returns the document with the DSS revision appended.
std::string addSecurityStore(const SignableDocument& document, const std::vector<ValidationEntry>& entries);

}  // namespace gongwen::sign
