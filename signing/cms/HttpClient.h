#pragma once
// The one HTTP client of the signing and verification code (timestamp authorities, CRL distribution
// points, OCSP responders): plain OpenSSL HTTP, a bounded answer size and a timeout, so that a slow
// or hostile server can neither hang a signature nor fill memory.

#include <string>
#include <string_view>

namespace gongwen::cms {

struct HttpRequest {
  std::string url;          // http:// or https://
  std::string contentType;  // POST with this body type; "" = GET
  std::string_view body;
  std::string expectedType;  // the answer's Content-Type must be this ("" = any)
  std::size_t maxAnswerBytes = 1 << 20;
  int timeoutSeconds = 10;
};

// Returns the answer's body. Throws Error(System, "http.exchange") saying why there is none
// (unreachable, refused, timed out, too large, wrong type).
std::string httpExchange(const HttpRequest& request);

}  // namespace gongwen::cms
