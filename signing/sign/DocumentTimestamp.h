#pragma once
// A document timestamp (PAdES B-LTA): one incremental revision holding a new invisible signature
// field whose value is a /Type /DocTimeStamp dictionary, /SubFilter /ETSI.RFC3161, with an RFC 3161
// TimeStampToken over the byte range as /Contents. It proves that the document as it stands,
// validation data included, existed at the token's time.

#include <string>

#include "signing/cms/CadesSigner.h"
#include "signing/sign/SignableDocument.h"

namespace gongwen::sign {

// Returns the document with the timestamp revision appended. `timestamp` is asked for a token on
// the SHA-256 of the covered bytes. Throws what it throws and Error(System,
// "sign.contents-too-small") when the token outgrows the reserved space.
std::string addDocumentTimestamp(const SignableDocument& document, const cms::TimestampFetcher& timestamp);

}  // namespace gongwen::sign
