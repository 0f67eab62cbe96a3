#pragma once
// Shared helpers for tests: temporary directories, running the real `gongwen` binary and the
// independent tools (qpdf, pdffonts, pdftotext, pdfsig, openssl) and capturing what they print.

#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

namespace gongwen::testing {

// A fresh directory under $TMPDIR, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Sets the process umask (inherited by the commands run) for the lifetime of the object.
class Umask {
 public:
  explicit Umask(mode_t mask) : saved_(::umask(mask)) {}
  ~Umask() { ::umask(saved_); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

 private:
  mode_t saved_;
};

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Runs argv (no shell) with optional extra environment entries "NAME=value" and stdin text.
CommandResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                  const std::string& stdinText = {});

// Starts argv (no shell, output discarded, the environment plus `env`) and sends it `signal` after
// `delay`; returns its wait status (-1 when it cannot be started). For the kill tests.
int runAndKillAfter(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                    std::chrono::microseconds delay, int signal);

// The gongwen binary under test and the source tree (build-time paths; $GONGWEN_BIN and
// $GONGWEN_SOURCE_DIR override them).
std::string gongwenBinary();
std::string sourcePath(const std::string& relative);

// Every 公文 job file in samples/jobs, sorted.
std::vector<std::string> sampleJobs();
// The leave requests and vouchers of samples/jobs, sorted: they render only with --policy.
std::vector<std::string> sampleFormJobs();

// Whitespace removed: pdftotext output compared with the job's text.
std::string withoutWhitespace(const std::string& s);

}  // namespace gongwen::testing
