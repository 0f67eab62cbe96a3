#pragma once
// RFC 3161 client: asks a timestamp authority over HTTP for a TimeStampToken on a SHA-256 message
// imprint (for PAdES B-T, the hash of the CMS signature value).

#include <string>
#include <string_view>

namespace gongwen::cms {

// Returns the DER TimeStampToken. Checks that the authority granted the request and that the
// answer carries our imprint and nonce; whether the TSA is trusted is the verifier's question.
// Throws Error(System, "cms.timestamp") naming the URL and what went wrong.
std::string fetchTimestampToken(const std::string& url, std::string_view sha256Imprint);

}  // namespace gongwen::cms
