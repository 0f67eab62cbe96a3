// The one input reader: every kind of input has a limit that is judged before a byte is read.

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "tests/support/MeasuredRun.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;
using gongwen::testing::makeSparseFile;
using gongwen::testing::TempDir;

namespace {

const InputKind kAllKinds[] = {InputKind::Job,       InputKind::Template,     InputKind::FontConfig,
                               InputKind::Policy,    InputKind::Text,         InputKind::Pdf,
                               InputKind::Secret,    InputKind::Certificate,  InputKind::KeyStore,
                               InputKind::SealImage, InputKind::RegisterHead, InputKind::Proposals};

long peakRssMb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// The error readInput throws for `path`, or a failure when it reads the file.
Error refusal(const std::string& path, InputKind kind) {
  try {
    readInput(path, kind);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << path << " was read";
  return Error(ExitCode::Ok, "", "");
}

// Restores the limits a test changes, so that the other tests see the defaults.
class LimitGuard {
 public:
  explicit LimitGuard(InputKind kind) : kind_(kind), saved_(inputLimit(kind)) {}
  ~LimitGuard() { setInputLimit(kind_, saved_); }

 private:
  InputKind kind_;
  std::uint64_t saved_;
};

}  // namespace

TEST(InputFile, EveryKindAtTenTimesItsLimitIsRefusedAtOnceWithoutReading) {
  TempDir dir;
  for (const InputKind kind : kAllKinds) {
    const std::string path = dir.file(std::string(inputKindName(kind)) + ".bin");
    makeSparseFile(path, 10 * inputLimit(kind));
    const long rssBefore = peakRssMb();
    const auto start = std::chrono::steady_clock::now();
    const Error e = refusal(path, kind);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(e.code(), "input.too-large") << inputKindName(kind) << ": " << e.what();
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid) << inputKindName(kind);
    EXPECT_NE(std::string(e.what()).find(std::string("the limit for a ") + inputKindName(kind)),
              std::string::npos)
        << e.what();
    EXPECT_LT(seconds, 1.0) << inputKindName(kind);
    EXPECT_LT(peakRssMb() - rssBefore, 100) << inputKindName(kind);
    std::filesystem::remove(path);
  }
}

TEST(InputFile, TheMessageNamesFileSizeLimitAndTheOptionForAMainInput) {
  TempDir dir;
  const std::string job = dir.file("big.xml");
  makeSparseFile(job, 160ull * 1024 * 1024);
  EXPECT_STREQ(refusal(job, InputKind::Job).what(),
               (job + " is 160 MB; the limit for a job is 16 MB; raise it with --max-input-size BYTES if the "
                      "file is genuine")
                   .c_str());
  const std::string secret = dir.file("password.txt");
  makeSparseFile(secret, 5000);
  EXPECT_STREQ(
      refusal(secret, InputKind::Secret).what(),
      (secret + " is 4.9 KB; the limit for a password or PIN file is 4 KB; no genuine password or PIN "
                "file is that large; check the file")
          .c_str());
}

TEST(InputFile, AFileJustOverTheLimitIsRefusedAndOneAtItIsRead) {
  TempDir dir;
  const std::string at = dir.file("at.txt"), over = dir.file("over.txt");
  makeSparseFile(at, inputLimit(InputKind::Secret));
  makeSparseFile(over, inputLimit(InputKind::Secret) + 1);
  EXPECT_EQ(readInput(at, InputKind::Secret).size(), inputLimit(InputKind::Secret));
  EXPECT_EQ(refusal(over, InputKind::Secret).code(), "input.too-large");
}

TEST(InputFile, DevicesAndDirectoriesAreRefusedBeforeReading) {
  TempDir dir;
  for (const char* path : {"/dev/zero", "/dev/urandom"}) {
    const Error e = refusal(path, InputKind::Text);
    EXPECT_EQ(e.code(), "io.read");
    EXPECT_NE(std::string(e.what()).find("it is a device"), std::string::npos) << e.what();
  }
  const Error e = refusal(dir.path(), InputKind::Job);
  EXPECT_NE(std::string(e.what()).find("it is a directory; give the path of a job file"), std::string::npos)
      << e.what();
}

TEST(InputFile, APasswordMayComeThroughAPipeButOnlyUpToItsLimit) {
  TempDir dir;
  const std::string fifo = dir.file("secret");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The refused reader closes the pipe early; the writer must see EPIPE, not die of SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  auto feed = [&](std::string text) {
    return std::thread([fifo, text] {
      FILE* out = std::fopen(fifo.c_str(), "w");
      if (out) {
        std::fwrite(text.data(), 1, text.size(), out);
        std::fclose(out);
      }
    });
  };
  std::thread writer = feed("s3cret\n");
  EXPECT_EQ(readInput(fifo, InputKind::Secret), "s3cret\n");
  writer.join();
  writer = feed(std::string(1024 * 1024, 'x'));
  EXPECT_EQ(refusal(fifo, InputKind::Secret).code(), "input.too-large");
  writer.join();
  // Any other kind refuses a pipe outright.
  EXPECT_EQ(refusal(fifo, InputKind::Text).code(), "io.read");
}

TEST(InputFile, ALimitCanBeRaisedAndLowered) {
  TempDir dir;
  const std::string path = dir.file("text.txt");
  writeFileAtomically(path, std::string(2048, 'a'));
  LimitGuard guard(InputKind::Text);
  setInputLimit(InputKind::Text, parseByteSize("1K", "--max-input-size"));
  EXPECT_EQ(refusal(path, InputKind::Text).code(), "input.too-large");
  setInputLimit(InputKind::Text, parseByteSize("2048", "--max-input-size"));
  EXPECT_EQ(readInput(path, InputKind::Text).size(), 2048u);
}

TEST(InputFile, SizesTakeKMAndGSuffixesAndNothingElse) {
  EXPECT_EQ(parseByteSize("300", "--x"), 300u);
  EXPECT_EQ(parseByteSize("64k", "--x"), 64u * 1024);
  EXPECT_EQ(parseByteSize("64M", "--x"), 64u * 1024 * 1024);
  EXPECT_EQ(parseByteSize("2G", "--x"), 2ull * 1024 * 1024 * 1024);
  for (const char* bad : {"", "0", "-1", "1.5M", "12MB", "M", "1T", "99999999999999999G"}) {
    try {
      parseByteSize(bad, "--max-input-size");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.exitCode(), ExitCode::Usage) << bad;
    }
  }
}
