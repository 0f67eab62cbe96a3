#pragma once
// A local HTTP/1.0 server for tests that answers every GET with the current contents of one file
// (a CRL distribution point), on 127.0.0.1 at a free port, on its own thread until the object dies.

#include <atomic>
#include <string>
#include <thread>

namespace gongwen::testing {

class HttpFileServer {
 public:
  // Throws std::runtime_error when it cannot listen.
  explicit HttpFileServer(std::string path);
  ~HttpFileServer();
  HttpFileServer(const HttpFileServer&) = delete;
  HttpFileServer& operator=(const HttpFileServer&) = delete;

  // http://127.0.0.1:PORT/NAME (any name is answered with the file)
  std::string url(const std::string& name) const;
  int requests() const { return requests_.load(); }

 private:
  void serve();

  std::string path_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

}  // namespace gongwen::testing
