#pragma once
// Runs `work(k)` for k = 1..count in `count` child processes at once (fork), as shards on separate
// machines would: each opens its own connections. True when every child exited 0.

#include <sys/wait.h>
#include <unistd.h>

#include <exception>
#include <functional>
#include <vector>

namespace gongwen::testing {

inline bool inForkedWorkers(int count, const std::function<void(int)>& work) {
  std::vector<pid_t> children;
  for (int k = 1; k <= count; ++k) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      int code = 0;
      try {
        work(k);
      } catch (const std::exception&) {
        code = 1;
      }
      ::_exit(code);
    }
    children.push_back(pid);
  }
  bool allOk = true;
  for (const pid_t child : children) {
    int status = 0;
    allOk = ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0 && allOk;
  }
  return allOk;
}

}  // namespace gongwen::testing
