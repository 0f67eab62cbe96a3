// BagIt bags: what makeBag/writeBagImage produce is valid (for BagValidator and for sha256sum -c),
// and each kind of damage is named.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/archive/Bag.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

namespace gongwen::archive {
namespace {

using testing::TempDir;

class BagTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BagContents contents;
    contents.archiveId = "2026-000001";
    contents.payload = {{"document.pdf", "%PDF-1.7\nnot really\n"}, {"metadata.xml", "<a/>\n"}};
    contents.info = {{"Title", "关于开展安全检查的通知"}};
    writeBagImage(makeBag(contents, 1769846400), bag);
  }

  void overwrite(const std::string& relative, const std::string& bytes) {
    std::ofstream(bag + "/" + relative, std::ios::binary | std::ios::trunc) << bytes;
  }

  std::vector<std::string> codes() {
    std::vector<std::string> result;
    for (const BagProblem& problem : validateBag(bag)) result.push_back(problem.code + " " + problem.file);
    return result;
  }

  TempDir tmp;
  std::string bag = tmp.file("2026-000001");
};

TEST_F(BagTest, AWrittenBagIsValid) {
  EXPECT_TRUE(validateBag(bag).empty());
  const std::string info = readFile(bag + "/bag-info.txt");
  EXPECT_NE(info.find("Bagging-Date: 2026-01-31\n"), std::string::npos);
  EXPECT_NE(info.find("Payload-Oxum: 25.2\n"), std::string::npos);
  EXPECT_NE(info.find("External-Identifier: 2026-000001\n"), std::string::npos);
  EXPECT_EQ(readFile(bag + "/bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
}

TEST_F(BagTest, Sha256sumAcceptsBothManifests) {
  for (const char* manifest : {"manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
    const testing::CommandResult result =
        testing::run({"sh", "-c", std::string("cd '") + bag + "' && sha256sum --strict -c " + manifest});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
  }
}

TEST_F(BagTest, MakeBagIsDeterministic) {
  BagContents contents;
  contents.archiveId = "x";
  contents.payload = {{"a.txt", "a"}};
  const BagImage first = makeBag(contents, 1769846400), second = makeBag(contents, 1769846400);
  ASSERT_EQ(first.files.size(), 5u);
  for (std::size_t i = 0; i < first.files.size(); ++i) EXPECT_EQ(first.files[i].bytes, second.files[i].bytes);
}

// Ingest hashes the signed PDF once for the registry; the bag takes that digest as it is.
TEST_F(BagTest, APayloadDigestTheCallerHasIsTheManifestsAndTheBagIsTheSame) {
  BagContents contents;
  contents.archiveId = "x";
  contents.payload = {{"a.pdf", "a"}, {"b.txt", "b"}};
  const BagImage computed = makeBag(contents, 1769846400);
  contents.payloadSha256["a.pdf"] = sha256Hex("a");
  const BagImage given = makeBag(contents, 1769846400);
  ASSERT_EQ(given.files.size(), computed.files.size());
  for (std::size_t i = 0; i < given.files.size(); ++i) {
    EXPECT_EQ(given.files[i].sha256, computed.files[i].sha256) << given.files[i].path;
    EXPECT_EQ(given.files[i].bytes, computed.files[i].bytes) << given.files[i].path;
  }
  contents.payloadSha256["a.pdf"] = std::string(64, '0');
  EXPECT_NE(makeBag(contents, 1769846400).files[0].sha256, sha256Hex("a"));
}

// The audit has read and hashed every file of the bag a moment before it validates it: what it read
// is what the manifests are checked against, and a file it did not read is read here.
TEST_F(BagTest, FilesTheCallerHasReadAreCheckedAsReadAndNotReadAgain) {
  std::map<std::string, FileDigest> read;
  read["data/document.pdf"] = {sha256Hex("%PDF-1.7\nnot reallY\n"), 20};
  EXPECT_TRUE(validateBag(bag, std::map<std::string, FileDigest>{}).empty());
  std::vector<std::string> found;
  for (const BagProblem& problem : validateBag(bag, read)) found.push_back(problem.code + " " + problem.file);
  EXPECT_EQ(found, std::vector<std::string>{"bag.checksum data/document.pdf"});
  overwrite("data/metadata.xml", "<b/>\n");
  found.clear();
  for (const BagProblem& problem : validateBag(bag, read)) found.push_back(problem.code + " " + problem.file);
  EXPECT_EQ(found,
            (std::vector<std::string>{"bag.checksum data/document.pdf", "bag.checksum data/metadata.xml"}));
}

// A large file goes to the disk past the page cache, its whole pages directly and the rest as before:
// byte for byte what was given, whatever its size against a page, in a bag that validates, and each
// writing thread's aligned buffer reused for a larger file after a smaller one.
TEST_F(BagTest, LargeFilesAreWrittenByteForByteWhateverTheirSize) {
  std::string large;
  for (std::size_t i = 0; large.size() < 3 * 65536 + 4097; ++i) large += std::to_string(i * 7919) + ' ';
  for (const std::size_t size : {std::size_t{65536}, std::size_t{65536 + 1}, std::size_t{2 * 65536 + 4095},
                                 std::size_t{3 * 65536 + 4097}}) {
    BagContents contents;
    contents.archiveId = "2026-000002";
    contents.payload = {{"document.pdf", large.substr(0, size)}, {"received.pdf", large.substr(1, size - 1)}};
    const std::string directory = tmp.file("large-" + std::to_string(size));
    writeBagImage(makeBag(contents, 1769846400), directory);
    EXPECT_EQ(readFile(directory + "/data/document.pdf"), large.substr(0, size)) << size;
    EXPECT_EQ(readFile(directory + "/data/received.pdf"), large.substr(1, size - 1)) << size;
    EXPECT_TRUE(validateBag(directory).empty()) << size;
  }
}

TEST_F(BagTest, AFlippedPayloadByteIsAChecksumProblem) {
  overwrite("data/document.pdf", "%PDF-1.7\nnot reallY\n");
  EXPECT_EQ(codes(), std::vector<std::string>{"bag.checksum data/document.pdf"});
}

TEST_F(BagTest, MissingAndExtraPayloadFilesAreNamed) {
  std::filesystem::remove(bag + "/data/metadata.xml");
  overwrite("data/intruder.txt", "x");
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.missing data/metadata.xml"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.extra data/intruder.txt"), found.end());
}

TEST_F(BagTest, ATruncatedManifestIsNamed) {
  const std::string manifest = readFile(bag + "/manifest-sha256.txt");
  overwrite("manifest-sha256.txt", manifest.substr(0, manifest.find('\n') + 1));
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.checksum manifest-sha256.txt"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.extra data/metadata.xml"), found.end());
  overwrite("manifest-sha256.txt", manifest.substr(0, 40));
  const std::vector<std::string> cut = codes();
  EXPECT_NE(std::find(cut.begin(), cut.end(), "bag.manifest manifest-sha256.txt"), cut.end());
}

TEST_F(BagTest, AChangedBagInfoIsATagChecksumProblem) {
  overwrite("bag-info.txt", readFile(bag + "/bag-info.txt") + "Contact-Name: someone\n");
  EXPECT_EQ(codes(), std::vector<std::string>{"bag.checksum bag-info.txt"});
}

TEST_F(BagTest, AWrongPayloadOxumIsNamed) {
  std::filesystem::remove(bag + "/data/metadata.xml");
  const std::string manifest = readFile(bag + "/manifest-sha256.txt");
  overwrite("manifest-sha256.txt", manifest.substr(0, manifest.find('\n') + 1));
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.info bag-info.txt"), found.end());
}

TEST_F(BagTest, AManifestPathLeadingOutsideTheBagIsRefusedNotFollowed) {
  overwrite("manifest-sha256.txt", std::string(64, 'a') + "  data/../../etc/passwd\n");
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.manifest manifest-sha256.txt"), found.end());
}

TEST_F(BagTest, ALinkInTheBagIsAProblem) {
  std::filesystem::remove(bag + "/data/metadata.xml");
  std::filesystem::create_symlink("/etc/hostname", bag + "/data/metadata.xml");
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.unreadable data/metadata.xml"), found.end());
}

TEST_F(BagTest, AMissingBagAndMissingTagFilesAreNamed) {
  EXPECT_EQ(validateBag(tmp.file("none")).at(0).code, "bag.missing");
  std::filesystem::remove(bag + "/bagit.txt");
  const std::vector<std::string> found = codes();
  EXPECT_NE(std::find(found.begin(), found.end(), "bag.missing bagit.txt"), found.end());
}

}  // namespace
}  // namespace gongwen::archive
