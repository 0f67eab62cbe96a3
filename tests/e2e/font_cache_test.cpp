// `gongwen render` with fontconfig's answers cached per user: the same PDF whether the answers come
// from fontconfig or from the cache, and a damaged or unwritable cache changes nothing but speed.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

class FontCache : public ::testing::Test {
 protected:
  // Renders the two-page sample notice with XDG_CACHE_HOME=`cacheHome`; returns the PDF's bytes.
  std::string render(const std::string& cacheHome, const std::string& name) {
    const std::string out = dir_.file(name);
    const auto r =
        run({gongwenBinary(), "render", sourcePath("samples/jobs/notice-joint-work-style.xml"), "-o", out},
            {"XDG_CACHE_HOME=" + cacheHome, "SOURCE_DATE_EPOCH=1700000000"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return gongwen::readFile(out);
  }

  // The one font cache file under `cacheHome`, or "" when there is none.
  static std::string cacheFile(const std::string& cacheHome) {
    std::string found;
    if (!fs::is_directory(cacheHome + "/gongwen")) return found;
    for (const auto& entry : fs::directory_iterator(cacheHome + "/gongwen")) {
      if (entry.is_directory()) continue;  // other caches' (validated/)
      EXPECT_TRUE(found.empty()) << "more than one cache file";
      found = entry.path().string();
    }
    return found;
  }

  TempDir dir_;
};

TEST_F(FontCache, TheCachedAnswersGiveTheSamePdfAsFontconfig) {
  const std::string cacheHome = dir_.file("cache");
  const std::string fromFontconfig = render(cacheHome, "first.pdf");
  const std::string file = cacheFile(cacheHome);
  ASSERT_FALSE(file.empty());
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  const auto written = fs::last_write_time(file);
  EXPECT_EQ(render(cacheHome, "second.pdf"), fromFontconfig);
  EXPECT_EQ(fs::last_write_time(file), written) << "every answer should have come from the cache";
}

TEST_F(FontCache, ADamagedCacheIsIgnoredAndRewritten) {
  const std::string cacheHome = dir_.file("cache");
  const std::string expected = render(cacheHome, "first.pdf");
  const std::string file = cacheFile(cacheHome);
  std::ofstream(file, std::ios::trunc)
      << "gongwen font resolution cache 2\nstate 0\nFandolFang\t/etc/passwd\t0\n";
  EXPECT_EQ(render(cacheHome, "second.pdf"), expected);
  EXPECT_EQ(gongwen::readFile(file).rfind("gongwen font resolution cache 2\nstate ", 0), 0u);
  EXPECT_EQ(gongwen::readFile(file).find("/etc/passwd"), std::string::npos);
}

TEST_F(FontCache, AnUnwritableCacheDirectoryStillRenders) {
  const std::string expected = render(dir_.file("cache"), "first.pdf");
  std::ofstream(dir_.file("not-a-directory")) << "x";
  EXPECT_EQ(render(dir_.file("not-a-directory"), "second.pdf"), expected);
}

}  // namespace
