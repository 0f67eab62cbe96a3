#pragma once
// The socket plumbing of the tests' local servers (timestamp authority, CRL file server, OCSP
// responder): listening on 127.0.0.1 only, writing whole answers, finding a free port for a server
// that binds its own.

#include <string>

namespace gongwen::testing {

// A listening socket on 127.0.0.1 at `port`, or when it is 0 at a free port the kernel chose, which
// `port` receives. Throws std::runtime_error when it cannot listen.
int listenOnLoopback(int& port);

// A port on 127.0.0.1 that was free a moment ago, for a child process that binds it itself.
int freeLoopbackPort();

// Whether a socket listens on `port` now, by the kernel's tables: a test connection would occupy a
// single-threaded server such as `openssl ocsp` until it timed out.
bool listensOn(int port);

void writeAll(int connection, const std::string& data);

// A server that takes connections (the kernel completes them while it listens) and never answers:
// the hung responder or timestamp authority a client must give up on.
class SilentServer {
 public:
  // At `port`, or at a free one when it is 0.
  explicit SilentServer(int port = 0);
  ~SilentServer();
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  std::string url(const std::string& path) const;

 private:
  int port_;
  int listener_;
};

}  // namespace gongwen::testing
