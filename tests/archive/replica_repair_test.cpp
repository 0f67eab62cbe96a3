// Putting a good copy back into a replica: never through a link planted in the archive, never a
// half bag under its real name, and modes as the archive keeps them.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "pipeline/archive/ReplicaRepair.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {
namespace {

namespace fs = std::filesystem;
using archive::isRepairLeftover;
using archive::restoreBag;
using archive::restoreFile;
using archive::restoreRoot;

mode_t modeOf(const std::string& path) {
  struct stat entry {};
  ::lstat(path.c_str(), &entry);
  return entry.st_mode & 07777;
}

class ReplicaRepairTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir.file("good/GW-1/data"));
    fs::create_directories(dir.file("bad/GW-1/data"));
    writeFileAtomically(dir.file("good/GW-1/data/document.pdf"), "%PDF-1.7 the signed original");
    writeFileAtomically(dir.file("good/GW-1/bagit.txt"), "BagIt-Version: 1.0\n");
    ::chmod(dir.file("good/GW-1/data/document.pdf").c_str(), 0644);
  }
  std::vector<std::pair<std::string, std::string>> bagFiles() const {
    return {{"data/document.pdf", dir.file("good/GW-1/data/document.pdf")},
            {"bagit.txt", dir.file("good/GW-1/bagit.txt")}};
  }
  TempDir dir;
};

TEST_F(ReplicaRepairTest, ADamagedFileIsReplacedWithTheGoodBytesAndMode) {
  const std::string target = dir.file("bad/GW-1/data/document.pdf");
  writeFileAtomically(target, "%PDF-1.7 the signed origina1");
  ::chmod(target.c_str(), 0666);
  restoreFile(dir.file("good/GW-1/data/document.pdf"), target, false);
  EXPECT_EQ(readFile(target), "%PDF-1.7 the signed original");
  EXPECT_EQ(modeOf(target), 0644u);
  restoreFile(dir.file("good/GW-1/data/document.pdf"), dir.file("bad/GW-1/data/missing.pdf"), true);
  EXPECT_EQ(modeOf(dir.file("bad/GW-1/data/missing.pdf")), 0600u) << "a classified bag's file";
}

TEST_F(ReplicaRepairTest, ALinkPlantedInPlaceOfAFileIsReplacedNotWrittenThrough) {
  const std::string outside = dir.file("outside.txt");
  writeFileAtomically(outside, "not the archive's");
  const std::string target = dir.file("bad/GW-1/data/document.pdf");
  fs::create_symlink(outside, target);
  restoreFile(dir.file("good/GW-1/data/document.pdf"), target, false);
  EXPECT_FALSE(fs::is_symlink(target));
  EXPECT_EQ(readFile(target), "%PDF-1.7 the signed original");
  EXPECT_EQ(readFile(outside), "not the archive's");
}

TEST_F(ReplicaRepairTest, AMissingBagIsBuiltWholeAndLeavesNoTemporary) {
  restoreBag(dir.file("bad"), dir.file("bad/GW-2"), bagFiles(), false);
  EXPECT_EQ(readFile(dir.file("bad/GW-2/data/document.pdf")), "%PDF-1.7 the signed original");
  EXPECT_EQ(readFile(dir.file("bad/GW-2/bagit.txt")), "BagIt-Version: 1.0\n");
  for (const auto& entry : fs::directory_iterator(dir.file("bad"))) {
    EXPECT_FALSE(isRepairLeftover(entry.path().filename().string())) << entry.path();
  }
}

TEST_F(ReplicaRepairTest, ABagThatIsALinkIsSwappedForARealOneAndTheLinkTargetIsUntouched) {
  fs::create_directories(dir.file("elsewhere/data"));
  writeFileAtomically(dir.file("elsewhere/data/document.pdf"), "someone else's");
  fs::remove_all(dir.file("bad/GW-1"));
  fs::create_directory_symlink(dir.file("elsewhere"), dir.file("bad/GW-1"));
  restoreBag(dir.file("bad"), dir.file("bad/GW-1"), bagFiles(), true);
  EXPECT_FALSE(fs::is_symlink(dir.file("bad/GW-1")));
  EXPECT_EQ(readFile(dir.file("bad/GW-1/data/document.pdf")), "%PDF-1.7 the signed original");
  EXPECT_EQ(readFile(dir.file("elsewhere/data/document.pdf")), "someone else's");
  EXPECT_EQ(modeOf(dir.file("bad/GW-1")), 0700u);
  EXPECT_EQ(modeOf(dir.file("bad/GW-1/data/document.pdf")), 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.file("bad")), fs::directory_iterator()), 1);
}

TEST_F(ReplicaRepairTest, AMissingRootIsMadeButNotOnADiskThatIsNotThere) {
  restoreRoot(dir.file("copy-1"));
  EXPECT_TRUE(fs::is_directory(dir.file("copy-1")));
  EXPECT_THROW(restoreRoot(dir.file("unmounted/copy-2")), Error);
  EXPECT_FALSE(fs::exists(dir.file("unmounted")));
}

}  // namespace
}  // namespace gongwen::testing
