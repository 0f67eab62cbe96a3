#pragma once
// The document security store (PAdES, ISO 32000-2 §12.8.4.3): the /DSS dictionary of the catalog
// holding the certificates, CRLs and OCSP responses a verifier needs once the signers' CAs stop
// answering, with a /VRI entry per signature naming which of them belong to it. Read as of one
// revision, so that the verifier can tell which timestamp covers which validation data.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "signing/verify/PdfRevisions.h"
#include "signing/verify/ValidationData.h"

namespace gongwen::verify {

struct SecurityStore {
  bool present = false;
  std::vector<std::string> certificates;  // DER, as stored
  std::vector<std::string> crls;
  std::vector<std::string> ocspResponses;
  std::set<std::string> vriKeys;  // the signatures it carries validation data for (vriKey)
  bool holdsCertificate(const std::string& der) const;
};

// The /VRI key of a signature: the upper-case hexadecimal SHA-1 of its /Contents value (the bytes of
// the string, padding included), as PAdES and pyHanko compute it.
std::string vriKey(std::string_view contentsValue);

// The DSS as of `revision` (0-based); an empty store when the catalog has none. Streams are read
// unfiltered or FlateDecode; an entry that cannot be read is left out (it then proves nothing).
SecurityStore readSecurityStore(const pdf::Document& document, size_t revision);

// The decoded bytes of a DSS item (a stream), or "" when it is not one the reader can decode: such an
// item validates nothing.
std::string readDssItem(const pdf::Document& document, const pdf::Object& stream);

// Adds the store's CRLs and OCSP responses to `data`, tagged as coming from the file. Its
// certificates are left out: a chain comes with its signature's CMS, a responder's certificate with
// its response, and every certificate in the pool is parsed again for each signature checked.
void addToValidationData(const SecurityStore& store, ValidationData& data);

}  // namespace gongwen::verify
