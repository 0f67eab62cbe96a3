#pragma once
// A local RFC 3161 timestamp authority for tests: OpenSSL's TS responder behind a minimal HTTP/1.0
// server on 127.0.0.1 (a free port chosen by the kernel), answering on its own thread until the
// object dies. Dependencies: OpenSSL only (this file is compiled into every test program).

#include <atomic>
#include <string>
#include <thread>

namespace gongwen::testing {

class TsaResponder {
 public:
  // Signs timestamps with the TSA certificate and key (PEM files; the certificate must carry the
  // critical timeStamping extended key usage). Throws std::runtime_error when it cannot start.
  TsaResponder(const std::string& certificatePath, const std::string& keyPath);
  ~TsaResponder();
  TsaResponder(const TsaResponder&) = delete;
  TsaResponder& operator=(const TsaResponder&) = delete;

  // http://127.0.0.1:PORT/tsa
  std::string url() const;
  // How many timestamp requests were answered with a granted token.
  int tokensIssued() const { return tokensIssued_.load(); }

 private:
  void serve();
  void answer(int connection);

  std::string certificatePath_;
  std::string keyPath_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> tokensIssued_{0};
  std::thread thread_;
};

}  // namespace gongwen::testing
