#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace fs = std::filesystem;
using namespace gongwen;

namespace {
fs::path freshDir() {
  std::string tmpl = (fs::temp_directory_path() / "gongwen-core-XXXXXX").string();
  return fs::path(::mkdtemp(tmpl.data()));
}
}  // namespace

TEST(AtomicFile, WritesAndReplacesWithoutLeavingTemporaries) {
  const fs::path dir = freshDir();
  const std::string target = (dir / "out.pdf").string();
  writeFileAtomically(target, "first");
  writeFileAtomically(target, "second");
  EXPECT_EQ(readFile(target), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, UnwritableDirectoryIsAnIoErrorAndLeavesNothing) {
  try {
    writeFileAtomically("/nonexistent-dir/out.pdf", "x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exitCode(), ExitCode::System);
    EXPECT_EQ(e.code(), "io.write");
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/out.pdf"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists("/nonexistent-dir/out.pdf"));
}

TEST(AtomicFile, ADirectoryAsTargetIsRefusedAndKept) {
  const fs::path dir = freshDir();
  EXPECT_THROW(writeFileAtomically(dir.string(), "x"), Error);
  EXPECT_TRUE(fs::is_directory(dir));
  fs::remove_all(dir);
}

TEST(Utf, InvalidUtf8NamesTheByteOffset) {
  try {
    toUtf32(std::string("ab\xC3(", 4), "x.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "text.utf8");
    EXPECT_NE(std::string(e.what()).find("byte 2"), std::string::npos) << e.what();
  }
}

TEST(Utf, RoundTripsChineseAndAstralCharacters) {
  const std::string s = "公文〔2026〕1号\U00020000";
  EXPECT_EQ(toUtf8(toUtf32(s, "t")), s);
  EXPECT_EQ(toUtf32(s, "t").size(), 11u);
}
