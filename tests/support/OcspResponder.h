#pragma once
// A local OCSP responder for tests: `openssl ocsp` serving an `openssl ca` index (re-read when it
// changes) on a port chosen beforehand, so that certificates naming its URL can be issued before it
// starts. Started by the constructor, stopped (SIGTERM, reaped) by the destructor.

#include <sys/types.h>

#include <string>

namespace gongwen::testing {

class OcspResponder {
 public:
  struct Files {
    std::string index;          // openssl ca database
    std::string caCertificate;  // the issuer of the certificates it answers for
    std::string signerCertificate;
    std::string signerKey;
  };
  // Throws std::runtime_error when the responder does not come up within a few seconds.
  OcspResponder(const Files& files, int port);
  ~OcspResponder();
  OcspResponder(const OcspResponder&) = delete;
  OcspResponder& operator=(const OcspResponder&) = delete;

 private:
  void stop();

  pid_t pid_ = -1;
};

}  // namespace gongwen::testing
