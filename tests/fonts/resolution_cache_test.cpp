// The per-user cache of fontconfig's answers: used only while nothing they depend on changed, and
// never trusted when damaged, forged or unwritable.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "pipeline/fonts/ResolutionCache.h"
#include "tests/support/TestSupport.h"

namespace gongwen::fonts {
namespace {

using gongwen::testing::TempDir;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The cache file's checksum (64-bit FNV-1a), as a forger would compute it.
std::string fnv1aHex(const std::string& bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

class ResolutionCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::mkdir(fontDir().c_str(), 0700);
    std::ofstream(fontFile()) << "font bytes";
  }
  std::string fontDir() const { return dir_.file("fonts"); }
  std::string fontFile() const { return fontDir() + "/Face.otf"; }
  std::string cacheFile() const { return dir_.file("cache/gongwen/fonts.cache"); }
  ResolutionCache open() const { return ResolutionCache(cacheFile(), {fontDir()}); }
  ResolvedFont face() const { return ResolvedFont{fontFile(), 2, "Face"}; }

  // A cache that knows "Face" (found) and "Missing" (not installed).
  void fill() const {
    ResolutionCache cache = open();
    cache.store("Face", face());
    cache.store("Missing", std::nullopt);
  }

  TempDir dir_;
};

TEST_F(ResolutionCacheTest, AnswersStoredByOneProcessServeTheNext) {
  fill();
  const ResolutionCache cache = open();
  const auto found = cache.find("Face");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->path, fontFile());
  EXPECT_EQ((*found)->faceIndex, 2u);
  EXPECT_EQ((*found)->family, "Face");
  const auto missing = cache.find("Missing");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  EXPECT_FALSE(cache.find("Other"));
}

TEST_F(ResolutionCacheTest, AFontAddedToADirectoryMakesEveryAnswerStale) {
  fill();
  ::mkdir((fontDir() + "/new").c_str(), 0700);
  std::ofstream(fontDir() + "/new/Missing.otf") << "now installed";
  const ResolutionCache cache = open();
  EXPECT_FALSE(cache.find("Missing"));
  EXPECT_FALSE(cache.find("Face"));
}

// The cache is checked by statting what was fingerprinted, without listing directories again: a
// directory made deep in a font tree still changes the stamp of the directory that holds it.
TEST_F(ResolutionCacheTest, ADirectoryMadeDeepInAFontTreeMakesEveryAnswerStale) {
  ::mkdir((fontDir() + "/family").c_str(), 0700);
  fill();
  EXPECT_TRUE(open().find("Face"));
  ::mkdir((fontDir() + "/family/new").c_str(), 0700);
  EXPECT_FALSE(open().find("Face"));
  EXPECT_FALSE(open().find("Missing"));
}

// A configuration file edited in place leaves its directory as it was: its own stamp says so.
TEST_F(ResolutionCacheTest, AConfigurationFileEditedInPlaceMakesEveryAnswerStale) {
  const std::string configDir = dir_.file("fontconfig");
  ::mkdir(configDir.c_str(), 0700);
  std::ofstream(configDir + "/fonts.conf") << "<fontconfig/>";
  ASSERT_EQ(::setenv("FONTCONFIG_PATH", configDir.c_str(), 1), 0);
  fill();
  EXPECT_TRUE(open().find("Face"));
  std::ofstream(configDir + "/fonts.conf", std::ios::app) << "<!-- edited -->";
  const bool stale = !open().find("Face");
  ::unsetenv("FONTCONFIG_PATH");
  EXPECT_TRUE(stale);
}

TEST_F(ResolutionCacheTest, AFontFileReplacedInPlaceIsAskedAgain) {
  fill();
  std::ofstream(fontFile(), std::ios::app) << " and a new version";
  const ResolutionCache cache = open();
  EXPECT_FALSE(cache.find("Face"));
  EXPECT_TRUE(cache.find("Missing"));
}

TEST_F(ResolutionCacheTest, ADamagedFileIsIgnoredAndRewritten) {
  fill();
  {
    std::fstream file(cacheFile(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(40);
    file.put('#');
  }
  ResolutionCache damaged = open();
  EXPECT_FALSE(damaged.find("Face"));
  damaged.store("Face", face());
  EXPECT_TRUE(open().find("Face"));
}

TEST_F(ResolutionCacheTest, AForgedAnswerOutsideTheFontDirectoriesIsNotUsed) {
  // A well-formed file (valid state, valid sum) whose answer points outside the font directories,
  // at a file that even has the recorded size and time (a hard link to the font).
  fill();
  const std::string outside = dir_.file("outside.otf");
  ASSERT_EQ(::link(fontFile().c_str(), outside.c_str()), 0);
  std::string text = readFile(cacheFile());
  text.replace(text.find(fontFile()), fontFile().size(), outside);
  text.erase(text.rfind("sum "));
  std::ofstream(cacheFile(), std::ios::trunc) << text << "sum " << fnv1aHex(text) << "\n";
  const ResolutionCache cache = open();
  EXPECT_FALSE(cache.find("Face"));
  EXPECT_TRUE(cache.find("Missing")) << "the forged file was rejected as damaged, not as forged";
}

// Only what this user's own processes wrote is an answer (pipeline/core/UserCacheDir.h): another
// user who can write the file, replace it through its directory or plant a link chooses the fonts.
TEST_F(ResolutionCacheTest, ACacheFileOthersMayWriteIsNotUsed) {
  fill();
  ASSERT_EQ(::chmod(cacheFile().c_str(), 0666), 0);
  EXPECT_FALSE(open().find("Face"));
  EXPECT_FALSE(open().find("Missing"));
}

TEST_F(ResolutionCacheTest, ACacheFileInADirectoryOthersMayWriteIsNotUsedNorWritten) {
  fill();
  const std::string cacheDir = dir_.file("cache/gongwen");
  ASSERT_EQ(::chmod(cacheDir.c_str(), 0777), 0);
  ResolutionCache cache = open();
  EXPECT_FALSE(cache.find("Face"));
  const std::string before = readFile(cacheFile());
  cache.store("Other", std::nullopt);
  EXPECT_EQ(readFile(cacheFile()), before);
}

TEST_F(ResolutionCacheTest, ACacheFileThatIsALinkIsNotUsed) {
  fill();
  const std::string real = dir_.file("cache/gongwen/elsewhere.cache");
  ASSERT_EQ(::rename(cacheFile().c_str(), real.c_str()), 0);
  ASSERT_EQ(::symlink(real.c_str(), cacheFile().c_str()), 0);
  EXPECT_FALSE(open().find("Face"));
}

TEST_F(ResolutionCacheTest, AnUnwritableCacheDirectoryStillAnswersNothingAndDoesNotThrow) {
  std::ofstream(dir_.file("cache")) << "a file where the directory should be";
  ResolutionCache cache = open();
  EXPECT_NO_THROW(cache.store("Face", face()));
  EXPECT_FALSE(open().find("Face"));
}

TEST_F(ResolutionCacheTest, NoCacheFileKeepsNothing) {
  ResolutionCache cache("", {fontDir()});
  cache.store("Face", face());
  EXPECT_FALSE(cache.find("Face"));
}

}  // namespace
}  // namespace gongwen::fonts
