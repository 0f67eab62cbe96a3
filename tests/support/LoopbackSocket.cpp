#include "tests/support/LoopbackSocket.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gongwen::testing {

namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

}  // namespace

int listenOnLoopback(int& port) {
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(port);
  socklen_t length = sizeof address;
  if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listener, 8) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (listener >= 0) close(listener);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return listener;
}

int freeLoopbackPort() {
  int port = 0;
  close(listenOnLoopback(port));
  return port;
}

bool listensOn(int port) {
  char localPort[8];
  std::snprintf(localPort, sizeof localPort, ":%04X", port);
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream lines(table);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      const bool portMatches = local.size() > 5 && local.compare(local.size() - 5, 5, localPort) == 0;
      if (portMatches && state == "0A") return true;  // TCP_LISTEN
    }
  }
  return false;
}

void writeAll(int connection, const std::string& data) {
  for (std::size_t sent = 0; sent < data.size();) {
    const ssize_t n = write(connection, data.data() + sent, data.size() - sent);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
}

SilentServer::SilentServer(int port) : port_(port), listener_(listenOnLoopback(port_)) {}

SilentServer::~SilentServer() { close(listener_); }

std::string SilentServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
}

}  // namespace gongwen::testing
