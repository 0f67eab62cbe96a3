#pragma once
// Runs a command and measures what it costs: wall time and peak resident memory. A watchdog kills
// a child that passes a memory or time ceiling, so that a test of a resource limit fails cleanly on
// code without the limit instead of exhausting the machine.

#include <string>
#include <vector>

namespace gongwen::testing {

struct MeasuredResult {
  int exitCode = -1;  // -1 when the watchdog killed the child
  std::string out;
  std::string err;
  double seconds = 0;
  long peakRssMb = 0;  // the child's ru_maxrss (which counts the caller's resident memory at fork)
  bool killed = false;
};

struct Ceiling {
  long rssMb = 1024;
  double seconds = 20;
};

MeasuredResult runMeasured(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                           Ceiling ceiling = {});

// A file of `bytes` zero bytes that takes no disk space (ftruncate leaves a hole).
void makeSparseFile(const std::string& path, unsigned long long bytes);

}  // namespace gongwen::testing
