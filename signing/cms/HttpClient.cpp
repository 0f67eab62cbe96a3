#include "signing/cms/HttpClient.h"

#include <openssl/http.h>

#include <chrono>

#include "pipeline/core/Error.h"
#include "signing/cms/OpenSslPtr.h"

namespace gongwen::cms {

std::string httpExchange(const HttpRequest& request) {
  ERR_clear_error();
  const auto started = std::chrono::steady_clock::now();
  BioPtr body;
  if (!request.contentType.empty()) {
    body.reset(BIO_new_mem_buf(request.body.data(), static_cast<int>(request.body.size())));
    if (!body) throw systemError("http.exchange", request.url + ": out of memory");
  }
  const char* expected = request.expectedType.empty() ? nullptr : request.expectedType.c_str();
  BIO* answer = nullptr;
  if (body) {
    char* host = nullptr;
    char* port = nullptr;
    char* path = nullptr;
    int useTls = 0;
    if (!OSSL_HTTP_parse_url(request.url.c_str(), &useTls, nullptr, &host, &port, nullptr, &path, nullptr,
                             nullptr))
      throw systemError("http.exchange", request.url + ": not a valid http(s) URL");
    answer = OSSL_HTTP_transfer(nullptr, host, port, path, useTls, nullptr, nullptr, nullptr, nullptr,
                                nullptr, nullptr, 0, nullptr, request.contentType.c_str(), body.get(),
                                expected, 0, request.maxAnswerBytes, request.timeoutSeconds, 0);
    OPENSSL_free(host);
    OPENSSL_free(port);
    OPENSSL_free(path);
  } else {
    // A GET follows redirects (a CRL distribution point may move); a POST goes to the one URL named.
    answer = OSSL_HTTP_get(request.url.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 0,
                           nullptr, expected, 0, request.maxAnswerBytes, request.timeoutSeconds);
  }
  BioPtr owned(answer);
  if (!owned) {
    // A server that took the request and never answered: say so, not OpenSSL's "timeout" detail.
    const bool timedOut =
        std::chrono::steady_clock::now() - started >= std::chrono::seconds(request.timeoutSeconds);
    throw systemError("http.exchange",
                      request.url + ": no answer" +
                          (timedOut ? " within " + std::to_string(request.timeoutSeconds) + " s" : "") +
                          " (" + lastOpenSslError() + ")");
  }
  std::string bytes;
  char buffer[8192];
  int n = 0;
  while ((n = BIO_read(owned.get(), buffer, sizeof buffer)) > 0) {
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (bytes.size() > request.maxAnswerBytes)
      throw systemError("http.exchange", request.url + ": the answer is larger than " +
                                             std::to_string(request.maxAnswerBytes) + " bytes");
  }
  return bytes;
}

}  // namespace gongwen::cms
