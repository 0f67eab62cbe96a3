// Issue 7, items 10 and 13: the real binary refuses an input over its kind's limit at once and
// with little memory, streams a plain text through `check`, and checks a directory recursively.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/MeasuredRun.h"
#include "tests/support/TestScale.h"
#include "tests/support/TestSupport.h"

using gongwen::writeFileAtomically;
using gongwen::testing::gongwenBinary;
using gongwen::testing::kSanitized;
using gongwen::testing::makeSparseFile;
using gongwen::testing::MeasuredResult;
using gongwen::testing::runMeasured;
using gongwen::testing::sourcePath;
using gongwen::testing::TempDir;

namespace {

constexpr unsigned long long MB = 1024 * 1024;

MeasuredResult gongwen(std::vector<std::string> args) {
  args.insert(args.begin(), gongwenBinary());
  return runMeasured(args);
}

// Refused with one line naming the error, in under a second and 100 MB (160 MB under
// AddressSanitizer, whose shadow memory and start-up alone take more than 100 MB now).
void expectRefusedAtOnce(const MeasuredResult& r, int exitCode, const std::string& code) {
  EXPECT_FALSE(r.killed) << "killed by the watchdog after " << r.seconds << " s at " << r.peakRssMb << " MB";
  EXPECT_EQ(r.exitCode, exitCode) << r.err;
  EXPECT_NE(r.err.find("error[" + code + "]"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_LT(r.seconds, 1.0);
  EXPECT_LT(r.peakRssMb, kSanitized ? 160 : 100);
}

struct OverLimit {
  std::string name;
  unsigned long long bytes;       // ten times the kind's limit
  std::vector<std::string> args;  // FILE stands for the oversized file
};

void PrintTo(const OverLimit& o, std::ostream* os) { *os << o.name; }

class CommandRefusesOversizedInput : public ::testing::TestWithParam<OverLimit> {};

TEST_P(CommandRefusesOversizedInput, AtOnceWithLittleMemory) {
  TempDir dir;
  const std::string file = dir.file("oversized");
  makeSparseFile(file, GetParam().bytes);
  std::vector<std::string> args = GetParam().args;
  for (auto& a : args) {
    if (a == "FILE") a = file;
    if (a == "OUT") a = dir.file("out.pdf");
  }
  const MeasuredResult r = gongwen(args);
  expectRefusedAtOnce(r, 3, "input.too-large");
  EXPECT_NE(r.err.find(file + " is "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.pdf")));
}

INSTANTIATE_TEST_SUITE_P(
    Limits, CommandRefusesOversizedInput,
    ::testing::Values(OverLimit{"check_text", 640 * MB, {"check", "FILE"}},
                      OverLimit{"render_job", 160 * MB, {"render", "FILE", "-o", "OUT"}},
                      OverLimit{"render_fonts",
                                10 * MB,
                                {"render", sourcePath("samples/jobs/notice-risk-inspection.xml"), "-o", "OUT",
                                 "--fonts", "FILE"}},
                      OverLimit{"verify_pdf", 5120 * MB, {"verify", "FILE"}},
                      OverLimit{"verify_policy", 40 * MB, {"verify", "FILE", "--policy", "FILE"}}),
    [](const auto& info) { return info.param.name; });

TEST(InputLimits, CheckAndVerifyRefuseDevZeroAtOnce) {
  expectRefusedAtOnce(gongwen({"check", "/dev/zero"}), 6, "io.read");
  const MeasuredResult r = gongwen({"verify", "/dev/zero"});
  expectRefusedAtOnce(r, 6, "io.read");
  EXPECT_NE(r.err.find("/dev/zero: it is a device"), std::string::npos) << r.err;
}

TEST(InputLimits, AJobOverItsLimitIsNamedAsAJobByCheck) {
  TempDir dir;
  const std::string job = dir.file("big.xml");
  writeFileAtomically(job, "<job>\n");
  std::filesystem::resize_file(job, 20 * MB);
  const MeasuredResult r = gongwen({"check", job});
  expectRefusedAtOnce(r, 3, "input.too-large");
  EXPECT_NE(r.err.find("the limit for a job is 16 MB"), std::string::npos) << r.err;
}

TEST(InputLimits, MaxInputSizeRaisesTheLimitOfTheMainInput) {
  TempDir dir;
  const std::string text = dir.file("big.txt");
  makeSparseFile(text, 65 * MB);
  expectRefusedAtOnce(gongwen({"check", text}), 3, "input.too-large");
  // Raised, the file is read: it is all NUL bytes, which the first piece read shows.
  expectRefusedAtOnce(gongwen({"check", "--max-input-size", "80M", text}), 3, "text.binary");
  const std::string pdf = dir.file("big.pdf");
  makeSparseFile(pdf, 600 * MB);
  expectRefusedAtOnce(gongwen({"verify", pdf}), 3, "input.too-large");
  expectRefusedAtOnce(gongwen({"verify", "--max-input-size", "1K", sourcePath("README.md")}), 3,
                      "input.too-large");
  expectRefusedAtOnce(
      gongwen({"render", "--max-input-size", "1K", sourcePath("samples/jobs/notice-risk-inspection.xml"),
               "-o", dir.file("o.pdf")}),
      3, "input.too-large");
  expectRefusedAtOnce(gongwen({"check", "--max-input-size", "12MB", text}), 2, "usage");
}

TEST(InputLimits, CheckStreamsAPlainTextInMemoryThatDoesNotGrowWithIt) {
  // AddressSanitizer keeps freed memory in quarantine, so a process that allocates and frees a lot
  // stays large; the memory bounds of the tests that check a whole text only hold without it.
  if (kSanitized) {
    GTEST_SKIP() << "AddressSanitizer's quarantine keeps freed memory resident";
  }
  TempDir dir;
  const std::string clean = gongwen::readFile(sourcePath("tests/check/data/clean-notice.txt"));
  // 48 MB, written a piece at a time so that this process stays small (the child's peak counts
  // it): the notice, then paragraphs of spaces (cheap to check), then the notice again.
  std::ofstream text(dir.file("long.txt"), std::ios::binary);
  text << clean << "\n";
  const std::string blanks = std::string(1023, ' ') + "\n";
  std::string piece;
  while (piece.size() < MB) piece += blanks;
  for (unsigned long long written = 0; written < 48 * MB; written += piece.size()) text << piece;
  text << clean;
  text.close();
  const MeasuredResult r = runMeasured({gongwenBinary(), "check", dir.file("long.txt")}, {}, {400, 60});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  // Reading the whole text would take 48 MB, and twice that to copy it.
  EXPECT_LT(r.peakRssMb, 40) << "check held the text in memory";
}

TEST(InputLimits, CheckGivesUpOnATextWithAMistakeOnEveryLineAfterTenThousandFindings) {
  TempDir dir;
  {
    std::ofstream text(dir.file("careless.txt"), std::ios::binary);
    std::string piece;
    while (piece.size() < MB) piece += "今天,我们开会。\n";
    for (int i = 0; i < 48; ++i) text << piece;
  }
  const MeasuredResult r = runMeasured({gongwenBinary(), "check", dir.file("careless.txt")}, {}, {400, 60});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3 * 10001) << "three lines a finding";
  EXPECT_NE(r.out.find(dir.file("careless.txt") + ":10000:1: error[check.too-many]"), std::string::npos)
      << r.out.substr(r.out.size() - 400);
  EXPECT_LT(r.seconds, 10.0);
  // Two million findings of about 1 KB each were held before.
  if (!kSanitized) {
    EXPECT_LT(r.peakRssMb, 100);
  }
}

}  // namespace
