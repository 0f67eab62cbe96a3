#pragma once
// The run's progress as documents finish. On a terminal: one bar redrawn in place (carriage return
// and erase-line) with done / waiting / failed, documents per second and the time left; failures
// are printed above it as they happen. Elsewhere (a log, a pipe): one line per finished document.

#include <chrono>
#include <cstdio>
#include <map>

#include "pipeline/batch/BatchRun.h"

namespace gongwen::batch {

class ProgressDisplay {
 public:
  ProgressDisplay(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}

  void finished(const DocumentOutcome& outcome, std::size_t count, std::size_t total);
  // Ends the bar's line so that what follows starts on its own.
  void close();

 private:
  std::FILE* out_;
  bool terminal_;
  bool barShown_ = false;
  std::map<DocumentState, std::size_t> counts_;
  std::size_t skipped_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace gongwen::batch
