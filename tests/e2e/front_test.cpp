// `gongwen`, the freestanding front (pipeline/cli/front/main.cpp): it answers the usage itself,
// loads nothing, and hands every other command line to gongwen-core beside its own file, unchanged,
// or says in one line that it cannot.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {
namespace {

namespace fs = std::filesystem;

std::string core() { return (fs::path(gongwenBinary()).parent_path() / "gongwen-core").string(); }

TEST(Front, AnswersTheUsageAsTheFullProgramWouldWithoutStartingIt) {
  const CommandResult help = run({gongwenBinary(), "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_EQ(help.out, run({core(), "--help"}).out);
  EXPECT_EQ(run({gongwenBinary(), "-h"}).out, help.out);
  EXPECT_EQ(run({gongwenBinary(), "help"}).out, help.out);
  const CommandResult bare = run({gongwenBinary()});
  EXPECT_EQ(bare.exitCode, 2);
  EXPECT_EQ(bare.err, help.out);
  EXPECT_TRUE(bare.out.empty());
}

TEST(Front, LoadsNoLibrary) {
  const CommandResult headers = run({"readelf", "--program-headers", "--dynamic", gongwenBinary()});
  ASSERT_EQ(headers.exitCode, 0) << headers.err;
  ASSERT_NE(headers.out.find("LOAD"), std::string::npos) << headers.out;
  EXPECT_EQ(headers.out.find("INTERP"), std::string::npos) << headers.out;
  EXPECT_EQ(headers.out.find("(NEEDED)"), std::string::npos) << headers.out;
}

TEST(Front, HandsArgumentsStreamsAndExitCodeToTheCore) {
  TempDir dir;
  const std::vector<std::string> args = {"verify", dir.file("无此文件 with spaces.pdf"), "--policy", ""};
  std::vector<std::string> viaFront = {gongwenBinary()};
  std::vector<std::string> direct = {core()};
  viaFront.insert(viaFront.end(), args.begin(), args.end());
  direct.insert(direct.end(), args.begin(), args.end());
  const CommandResult a = run(viaFront);
  const CommandResult b = run(direct);
  EXPECT_NE(a.exitCode, 0);
  EXPECT_EQ(a.exitCode, b.exitCode);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.err, b.err);
  // Findings (exit 1) on standard output, as the core gives them.
  const std::string text = dir.file("通知.txt");
  gongwen::writeFileAtomically(text, "各单位:\n现将有关事项通知如下,,请认真贯彻执行。\n");
  const CommandResult checkedViaFront = run({gongwenBinary(), "check", text});
  const CommandResult checkedDirect = run({core(), "check", text});
  EXPECT_EQ(checkedViaFront.exitCode, 1) << checkedViaFront.out << checkedViaFront.err;
  EXPECT_EQ(checkedViaFront.out, checkedDirect.out);
}

TEST(Front, FindsTheCoreBesideItsOwnFileThroughALink) {
  TempDir dir;
  ASSERT_EQ(::symlink(gongwenBinary().c_str(), dir.file("gw").c_str()), 0);
  const CommandResult help = run({dir.file("gw"), "sign", "--help"});
  EXPECT_EQ(help.exitCode, 0) << help.err;
  EXPECT_EQ(help.out, run({core(), "sign", "--help"}).out);
}

TEST(Front, SaysInOneLineWhenTheCoreIsMissing) {
  TempDir dir;
  fs::copy_file(gongwenBinary(), dir.file("gongwen"));
  const CommandResult missing = run({dir.file("gongwen"), "verify", dir.file("x.pdf")});
  EXPECT_EQ(missing.exitCode, 6);
  EXPECT_EQ(missing.err, "gongwen: error[system.exec]: cannot run " + dir.file("gongwen-core") +
                             ": no such file; it is built and installed beside gongwen\n");
  EXPECT_TRUE(missing.out.empty());
}

}  // namespace
}  // namespace gongwen::testing
