#pragma once
// Extends a signed PDF for long-term validation (`gongwen ltv`, `sign --ltv`, archive ingest): one
// revision with a DSS holding the validation data of every signature and document timestamp, then,
// when there is a timestamp authority, one revision with a document timestamp over it all (PAdES
// B-LTA). Applied again, it renews: the previous document timestamp's validation data goes into the
// DSS and a new document timestamp covers it. What is extended is what the verifier found, never
// the writer's own parse.

#include <string>

#include "signing/verify/Verifier.h"

namespace gongwen::ltv {

struct ExtensionRequest {
  std::string timestampUrl;      // RFC 3161 authority; empty: the DSS revision only (B-LT)
  verify::VerifyOptions verify;  // how the document is verified before and after
};

// Returns `original` with the revisions appended. Throws Error(SignatureInvalid,
// "ltv.does-not-verify") when a signature or document timestamp of `original` fails (validation
// data is gathered only for what holds), what verify and the timestamp client throw, and
// Error(System, "ltv.result-does-not-verify") should the extended document not verify.
std::string extendForLongTerm(const std::string& original, const std::string& name,
                              const ExtensionRequest& request);

}  // namespace gongwen::ltv
