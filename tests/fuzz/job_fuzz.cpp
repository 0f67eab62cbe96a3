// libFuzzer target for the job loader: any bytes given as a job file must load into a document or
// give a gongwen::Error, never a crash, hang or runaway allocation. The loader reads from a path
// (that is where its size and file-kind checks live), so each input is written to one in-memory
// file and loaded through /proc/self/fd.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/core/Error.h"
#include "pipeline/job/JobLoader.h"

namespace {

int jobFile() {
  static const int fd = memfd_create("fuzz-job.xml", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const int fd = jobFile();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  try {
    (void)gongwen::job::loadJob("/proc/self/fd/" + std::to_string(fd));
  } catch (const gongwen::Error&) {
    // Malformed or invalid jobs are reported, which is the expected outcome.
  }
  return 0;
}
