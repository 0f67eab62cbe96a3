// Issue 7, item 13: `gongwen check DIR` checks every job and text under DIR.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "pipeline/check/FileKind.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

using gongwen::writeFileAtomically;
using gongwen::testing::run;
using gongwen::testing::sourcePath;
using gongwen::testing::TempDir;

namespace fs = std::filesystem;

namespace {

gongwen::testing::CommandResult check(const std::vector<std::string>& args) {
  std::vector<std::string> argv{gongwen::testing::gongwenBinary(), "check"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

// A tree of clean files: a job at the top, texts two levels down, and a file of another kind.
void cleanTree(const TempDir& dir) {
  fs::create_directories(dir.file("2026/11"));
  fs::copy_file(sourcePath("samples/jobs/notice-risk-inspection.xml"), dir.file("notice.xml"));
  fs::copy_file(sourcePath("tests/check/data/clean-notice.txt"), dir.file("2026/11/a.txt"));
  fs::copy_file(sourcePath("tests/check/data/clean-notice.txt"), dir.file("2026/b.txt"));
  writeFileAtomically(dir.file("2026/11/notes.md"), "今天,我们开会。\n");
  // Not jobs, though *.xml: the bureau's policy and a template kept beside the jobs.
  fs::copy_file(sourcePath("samples/policy.xml"), dir.file("policy.xml"));
  fs::copy_file(sourcePath("templates/notice.xml"), dir.file("2026/notice-template.xml"));
}

}  // namespace

TEST(CheckDirectory, FindsAFindingInANestedFileAndExitsOne) {
  TempDir dir;
  cleanTree(dir);
  writeFileAtomically(dir.file("2026/11/draft.txt"), "今天,我们开会。\n");
  const auto r = check({dir.path()});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(dir.file("2026/11/draft.txt") + ":1:3: error[punct.halfwidth]"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("notes.md"), std::string::npos) << "only *.xml and *.txt are checked";
}

TEST(CheckDirectory, ACleanTreeExitsZero) {
  TempDir dir;
  cleanTree(dir);
  const auto r = check({dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CheckDirectory, FilesAreCheckedInSortedOrder) {
  TempDir dir;
  fs::create_directories(dir.file("b"));
  writeFileAtomically(dir.file("b/1.txt"), "今天,我们开会。\n");
  writeFileAtomically(dir.file("a.txt"), "今天,我们开会。\n");
  writeFileAtomically(dir.file("c.txt"), "今天,我们开会。\n");
  const auto r = check({dir.path()});
  const auto a = r.out.find(dir.file("a.txt")), b = r.out.find(dir.file("b/1.txt")),
             c = r.out.find(dir.file("c.txt"));
  ASSERT_NE(c, std::string::npos) << r.out;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
}

TEST(CheckDirectory, LinksToDirectoriesAreNotFollowed) {
  TempDir dir, outside;
  cleanTree(dir);
  writeFileAtomically(outside.file("draft.txt"), "今天,我们开会。\n");
  ASSERT_EQ(::symlink(outside.path().c_str(), dir.file("elsewhere").c_str()), 0);
  ASSERT_EQ(::symlink(dir.path().c_str(), dir.file("2026/loop").c_str()), 0);
  const auto r = check({dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(CheckDirectory, ADirectoryWithNothingToCheckIsAUsageError) {
  TempDir dir;
  writeFileAtomically(dir.file("notes.md"), "x\n");
  const auto r = check({dir.path()});
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("error[usage]: " + dir.path() + " is a directory with no job"), std::string::npos)
      << r.err;
}

TEST(CheckDirectory, TheRootElementIsFoundPastTheDeclarationCommentsAndDoctype) {
  using gongwen::check::rootElementName;
  EXPECT_EQ(
      rootElementName("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a <note> -->\n<job template=\"notice\">"),
      "job");
  EXPECT_EQ(rootElementName("<!DOCTYPE policy>\n<policy organisation=\"x\"/>"), "policy");
  EXPECT_EQ(rootElementName("<job>"), "job");
  EXPECT_EQ(rootElementName("<?xml version=\"1.0\"?><!-- never closed"), "");
  EXPECT_EQ(rootElementName("plain text"), "");
}
