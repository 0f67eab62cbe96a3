#include "tests/support/HttpFileServer.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "tests/support/LoopbackSocket.h"

namespace gongwen::testing {

namespace {

// Reads the request head; a GET has no body worth reading.
bool readRequestHead(int connection) {
  std::string data;
  char buffer[1024];
  while (data.find("\r\n\r\n") == std::string::npos) {
    pollfd p{connection, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return false;
    const ssize_t n = read(connection, buffer, sizeof buffer);
    if (n <= 0 || data.size() > 65536) return false;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return data.rfind("GET ", 0) == 0;
}

}  // namespace

HttpFileServer::HttpFileServer(std::string path) : path_(std::move(path)) {
  listener_ = listenOnLoopback(port_);
  thread_ = std::thread([this] { serve(); });
}

HttpFileServer::~HttpFileServer() {
  stopping_ = true;
  thread_.join();
  close(listener_);
}

std::string HttpFileServer::url(const std::string& name) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + name;
}

void HttpFileServer::serve() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int connection = accept(listener_, nullptr, nullptr);
    if (connection < 0) continue;
    if (readRequestHead(connection)) {
      ++requests_;
      std::ifstream file(path_, std::ios::binary);
      std::ostringstream body;
      body << file.rdbuf();
      writeAll(connection,
               file ? "HTTP/1.0 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: " +
                          std::to_string(body.str().size()) + "\r\nConnection: close\r\n\r\n" + body.str()
                    : "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }
    close(connection);
  }
}

}  // namespace gongwen::testing
