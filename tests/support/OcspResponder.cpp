#include "tests/support/OcspResponder.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/support/LoopbackSocket.h"

extern char** environ;

namespace gongwen::testing {

OcspResponder::OcspResponder(const Files& files, int port) {
  const std::vector<std::string> argv = {"openssl",    "ocsp",
                                         "-index",     files.index,
                                         "-CA",        files.caCertificate,
                                         "-rsigner",   files.signerCertificate,
                                         "-rkey",      files.signerKey,
                                         "-port",      std::to_string(port),
                                         "-nmin",      "60",
                                         "-ignore_err"};
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const int spawned = posix_spawnp(&pid_, "openssl", &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("OcspResponder: cannot start openssl ocsp");
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (listensOn(port)) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("OcspResponder: openssl ocsp exited (port " + std::to_string(port) +
                               " taken?)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  stop();
  throw std::runtime_error("OcspResponder: openssl ocsp does not listen on port " + std::to_string(port));
}

OcspResponder::~OcspResponder() { stop(); }

void OcspResponder::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace gongwen::testing
