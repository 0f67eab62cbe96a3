#include "pipeline/core/KillPoint.h"

#include <csignal>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

namespace gongwen {

void killPointForTests(const char* step) {
  const char* setting = std::getenv("GONGWEN_TEST_KILL_AT");
  if (setting == nullptr) return;
  std::string target = setting;
  int signal = SIGKILL;
  if (const auto colon = target.find(':'); colon != std::string::npos) {
    if (target.substr(colon + 1) == "TERM") signal = SIGTERM;
    target.erase(colon);
  }
  int occurrence = 1;
  if (const auto hash = target.find('#'); hash != std::string::npos) {
    occurrence = std::atoi(target.c_str() + hash + 1);
    target.erase(hash);
  }
  // Steps may be reached from several threads (the archive writes its replicas in parallel).
  static std::mutex mutex;
  static std::map<std::string, int> reached;
  const std::lock_guard<std::mutex> lock(mutex);
  if (target == step && ++reached[target] == occurrence) std::raise(signal);
}

}  // namespace gongwen
