#pragma once
// Document timestamps (PAdES B-LTA, ISO 32000-2 §12.8.5): signature fields whose value is a
// /Type /DocTimeStamp dictionary with /SubFilter /ETSI.RFC3161 and an RFC 3161 TimeStampToken over
// the byte range as /Contents. Each proves that every revision up to its own existed at its time.

#include <openssl/x509.h>

#include <ctime>
#include <string>
#include <vector>

#include "signing/verify/CmsCheck.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/SignatureFields.h"

namespace gongwen::verify {

struct DocumentTimestampReport {
  std::string field;
  int signatureObject = 0;
  size_t revision = 0;               // 1-based revision it covers (ends with)
  std::time_t genTime = 0;           // the time it proves
  std::string time;                  // genTime, ISO 8601 UTC
  std::string authority;             // the TSA certificate's subject
  std::time_t authorityExpires = 0;  // its notAfter: the timestamp must be renewed before then
  // For renewing it: the /VRI key of its /Contents and its authority's chain (DER).
  std::string vriKey;
  std::vector<std::string> validationCertificates;
  std::vector<Problem> problems;
  bool valid() const { return problems.empty(); }
};

// Whether a signature dictionary is a document timestamp rather than a signature.
bool isDocumentTimestamp(const pdf::Object& signatureDictionary);

// Checks one document timestamp: its byte range, the token's imprint over the covered bytes, its
// signature and the TSA's chain to `anchors` at the token's own time.
DocumentTimestampReport checkDocumentTimestamp(const pdf::Document& document, const SignatureField& field,
                                               X509_STORE* anchors);

}  // namespace gongwen::verify
