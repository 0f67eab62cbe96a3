#pragma once
// Shared by the policy tests: the sample policy, variants of it written to a temp dir, and the
// test PKI made once per test program by samples/make-test-pki.sh (a few seconds).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/Policy.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {

inline std::string samplePolicyText() { return readFile(sourcePath("samples/policy.xml")); }

// Replaces the first occurrence of `from` (which must exist) in `text`.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test setup: '" << from << "' not in the text";
  if (at != std::string::npos) {
    text.replace(at, from.size(), to);
  }
  return text;
}

inline std::time_t utc(const std::string& text) { return *parseUtcTime(text); }

// The code of the gongwen::Error `action` throws, or "" when it throws none.
template <typename Action>
std::string errorCode(Action action, std::string* message = nullptr) {
  try {
    action();
  } catch (const Error& error) {
    if (message != nullptr) {
      *message = error.what();
    }
    return error.code();
  }
  return "";
}

// An exclusive lock on a file (flock), held while the object lives; shared by test processes.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
    flock(fd_, LOCK_EX);
  }
  ~FileLock() { close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// A copy of the sample policy in a temp dir, with DIR/pki linking to the test PKI and the seal
// images copied. ctest runs every test in its own process, so the PKI (a few seconds to make) is
// made once per version of samples/make-test-pki.sh and the test-ca.sh it sources into a cache
// next to the test binary, under a file lock, and shared by every process.
class TestPki {
 public:
  static const TestPki& instance() {
    static TestPki pki;
    return pki;
  }
  std::string policyPath() const { return dir_.file("policy.xml"); }
  std::string pki(const std::string& name) const { return dir_.file("pki/" + name); }
  const std::string& dir() const { return dir_.path(); }
  bool ok() const { return ok_; }
  // SoftHSM2 loses objects when several processes use one token at once (seen under ctest -j):
  // tests that use the token hold this lock.
  std::unique_ptr<FileLock> lockToken() const { return std::make_unique<FileLock>(cache_ + ".token.lock"); }
  const std::string& failure() const { return failure_; }

 private:
  TestPki() {
    namespace fs = std::filesystem;
    std::string script = sourcePath("samples/make-test-pki.sh");
    const std::string version = readFile(script) + readFile(sourcePath("samples/test-ca.sh"));
    fs::path cache = fs::read_symlink("/proc/self/exe").parent_path() /
                     ("test-pki-" + std::to_string(std::hash<std::string>()(version)));
    cache_ = cache.string();
    {
      FileLock making(cache_ + ".lock");
      ok_ = fs::exists(cache / "complete");
      if (!ok_) {
        fs::remove_all(cache);
        CommandResult made = run({script, cache_});
        ok_ = made.exitCode == 0;
        failure_ = made.err;
        if (ok_) {
          writeFileAtomically((cache / "complete").string(), "");
        }
      }
    }
    writeFileAtomically(policyPath(), samplePolicyText());
    fs::copy(sourcePath("samples/seals"), dir_.file("seals"));
    fs::create_directory_symlink(cache, dir_.file("pki"));
    // The pkcs11 engine reads the token location from the environment.
    setenv("SOFTHSM2_CONF", pki("softhsm2.conf").c_str(), 1);
    setenv("GONGWEN_TEST_PASSWORD", "gongwen-test", 1);
    setenv("GONGWEN_TEST_PIN", "123456", 1);
  }
  TempDir dir_;
  std::string cache_;
  bool ok_ = false;
  std::string failure_;
};

// Writes `text` as the policy file `path` (one text after another in the same file, so the record of
// inputs does not bar it) and loads it; returns the error code ("" if none).
inline std::string policyLoadCode(const std::string& path, const std::string& text,
                                  std::string* message = nullptr) {
  WriteOptions rewrite;
  rewrite.replacesInput = true;
  writeFileAtomically(path, text, rewrite);
  return errorCode([&] { policy::loadPolicy(path); }, message);
}

}  // namespace gongwen::testing
