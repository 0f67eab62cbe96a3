// DA/T 70 安全性 over a replica tree: file modes and file types.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline/archive/FileModes.h"
#include "pipeline/core/Error.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {
namespace {

namespace fs = std::filesystem;
using archive::checkFileModes;
using archive::ModeFinding;

class FileModesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(bag() + "/data");
    std::ofstream(bag() + "/data/original.pdf") << "%PDF-1.7";
    std::ofstream(bag() + "/bagit.txt") << "BagIt-Version: 1.0\n";
    for (const std::string& path : {root(), bag(), bag() + "/data"}) ::chmod(path.c_str(), 0755);
    for (const std::string& path : {bag() + "/data/original.pdf", bag() + "/bagit.txt"})
      ::chmod(path.c_str(), 0644);
  }
  std::string root() const { return dir.file("original"); }
  std::string bag() const { return dir.file("original/GW-1"); }
  static std::vector<std::string> codes(const std::vector<ModeFinding>& findings) {
    std::vector<std::string> found;
    for (const ModeFinding& finding : findings) found.push_back(finding.code + " " + finding.path);
    return found;
  }
  TempDir dir;
};

TEST_F(FileModesTest, AnOrdinaryReplicaHasNoFindings) { EXPECT_TRUE(checkFileModes(root(), false).empty()); }

TEST_F(FileModesTest, WorldWritableFilesAndDirectoriesAreNamed) {
  ::chmod((bag() + "/data/original.pdf").c_str(), 0666);
  ::chmod((bag() + "/data").c_str(), 0777);
  std::vector<ModeFinding> findings = checkFileModes(root(), false);
  EXPECT_EQ(codes(findings),
            (std::vector<std::string>{"archive.world-writable " + bag() + "/data",
                                      "archive.world-writable " + bag() + "/data/original.pdf"}));
  EXPECT_NE(findings[0].message.find("0777"), std::string::npos) << findings[0].message;
}

TEST_F(FileModesTest, AClassifiedBagMustBeOwnerOnly) {
  EXPECT_EQ(checkFileModes(bag(), true).size(), 4u) << "every entry of a 0755/0644 bag is readable by others";
  for (const std::string& path : {bag(), bag() + "/data"}) ::chmod(path.c_str(), 0700);
  for (const std::string& path : {bag() + "/data/original.pdf", bag() + "/bagit.txt"})
    ::chmod(path.c_str(), 0600);
  EXPECT_TRUE(checkFileModes(bag(), true).empty());
  ::chmod((bag() + "/bagit.txt").c_str(), 0640);
  EXPECT_EQ(codes(checkFileModes(bag(), true)),
            std::vector<std::string>{"archive.not-owner-only " + bag() + "/bagit.txt"});
}

TEST_F(FileModesTest, LinksAndFifosInAReplicaAreNamedAndNotFollowed) {
  TempDir outside;
  fs::create_directory(outside.file("elsewhere"));
  ::chmod(outside.file("elsewhere").c_str(), 0777);
  fs::create_directory_symlink(outside.file("elsewhere"), bag() + "/data/link");
  ASSERT_EQ(::mkfifo((bag() + "/fifo").c_str(), 0600), 0);
  std::vector<std::string> found = codes(checkFileModes(root(), false));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"archive.not-a-regular-file " + bag() + "/data/link",
                                             "archive.not-a-regular-file " + bag() + "/fifo"}));
}

TEST_F(FileModesTest, AMissingRootHasNoFindings) {
  EXPECT_TRUE(checkFileModes(dir.file("copy-2"), false).empty());
}

TEST_F(FileModesTest, AnUnreadableDirectoryIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  ::chmod((bag() + "/data").c_str(), 0);
  std::string code;
  try {
    checkFileModes(root(), false);
  } catch (const Error& error) {
    code = error.code();
  }
  ::chmod((bag() + "/data").c_str(), 0755);
  EXPECT_EQ(code, "io.read");
}

}  // namespace
}  // namespace gongwen::testing
