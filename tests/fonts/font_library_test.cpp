// Resolving roles through fontconfig with the real fonts installed by scripts/install-deps.sh.

#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontLibrary.h"
#include "tests/support/TestSupport.h"

namespace gongwen::fonts {
namespace {

using gongwen::testing::TempDir;

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

FontConfig configWith(FontRole role, std::vector<std::string> families) {
  FontConfig config = FontConfig::defaults();
  config.families[role] = std::move(families);
  return config;
}

Error constructionError(const FontConfig& config) {
  try {
    FontLibrary library(config);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "the library resolved every role";
  return Error(ExitCode::Ok, "none", "");
}

TEST(FontLibrary, DefaultsResolveToTheFreeDebianFonts) {
  const FontLibrary library(FontConfig::defaults());
  const FontFace& fang = library.face(FontRole::Fangsong);
  EXPECT_TRUE(endsWith(fang.path(), "FandolFang-Regular.otf")) << fang.path();
  EXPECT_TRUE(fang.isCff());

  const FontFace& title = library.face(FontRole::Xiaobiaosong);
  EXPECT_TRUE(endsWith(title.path(), "FandolSong-Bold.otf")) << title.path();
  EXPECT_TRUE(title.isCff());

  const FontFace& song = library.face(FontRole::Songti);
  EXPECT_TRUE(endsWith(song.path(), "gbsn00lp.ttf")) << song.path();
  EXPECT_FALSE(song.isCff());

  EXPECT_TRUE(endsWith(library.face(FontRole::Heiti).path(), "FandolHei-Regular.otf"));
  EXPECT_TRUE(endsWith(library.face(FontRole::Kaiti).path(), "FandolKai-Regular.otf"));
}

// Per-character fallback: a character the role's first face lacks is found in the role's next
// installed family, skipping those that are not installed; a character none has finds nothing.
TEST(FontLibrary, ACharacterTheFirstFaceLacksIsFoundInTheNextInstalledFamily) {
  const FontLibrary library(
      configWith(FontRole::Fangsong, {"FandolFang", "No Such Family", "Noto Serif CJK SC"}));
  EXPECT_EQ(library.faceWithGlyph(FontRole::Fangsong, U'张'), 0u);
  ASSERT_EQ(library.faceWithGlyph(FontRole::Fangsong, U'喆'), 1u);
  EXPECT_EQ(library.face(FontRole::Fangsong, 1).familyName(), "Noto Serif CJK SC");
  EXPECT_TRUE(library.face(FontRole::Fangsong, 1).glyphFor(U'喆'));
  EXPECT_FALSE(library.faceWithGlyph(FontRole::Fangsong, U'\u9FEB'));
  EXPECT_FALSE(library.faceWithGlyph(FontRole::Kaiti, U'\u9FEB'));
}

// The font files this process has mapped whose path contains `name`.
int mappingsOf(const std::string& name) {
  std::ifstream maps("/proc/self/maps");
  int count = 0;
  for (std::string line; std::getline(maps, line);) count += line.find(name) != std::string::npos;
  return count;
}

// A document that never uses a role never loads its font (a two-page notice has no 楷体), and a
// face used is mapped once. (No other test uses this family: the faces are shared per process.)
TEST(FontLibrary, ARolesFontIsLoadedOnlyWhenTheRoleIsUsed) {
  const FontLibrary library(configWith(FontRole::Kaiti, {"AR PL KaitiM Big5"}));
  EXPECT_EQ(mappingsOf("bkai00mp.ttf"), 0);
  EXPECT_TRUE(library.face(FontRole::Kaiti).glyphFor(U'國'));
  EXPECT_EQ(mappingsOf("bkai00mp.ttf"), 1);
}

TEST(FontLibrary, FamilyInACollectionResolvesToItsFace) {
  FontConfig config = FontConfig::defaults();
  config.families[FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
  const FontFace& title = FontLibrary(config).face(FontRole::Xiaobiaosong);
  EXPECT_TRUE(endsWith(title.path(), "NotoSerifCJK-Bold.ttc")) << title.path();
  EXPECT_EQ(title.faceIndex(), 2u) << "the SC face of the collection";
  EXPECT_EQ(title.postscriptName(), "NotoSerifCJKsc-Bold");
}

TEST(FontLibrary, FacesAreSharedBetweenLibraries) {
  const FontLibrary first(FontConfig::defaults());
  const FontLibrary second(FontConfig::defaults());
  for (FontRole role : kAllRoles) EXPECT_EQ(&first.face(role), &second.face(role)) << roleName(role);
}

TEST(FontLibrary, FallsThroughFamiliesThatAreNotInstalled) {
  const FontLibrary library(
      configWith(FontRole::Heiti, {"仿宋_GB2312", "No Such Family", "AR PL KaitiM GB"}));
  EXPECT_TRUE(endsWith(library.face(FontRole::Heiti).path(), "gkai00mp.ttf"))
      << library.face(FontRole::Heiti).path();
}

TEST(FontLibrary, AStyleThatDoesNotExistIsNotSilentlyReplaced) {
  // FandolFang has no bold face: fontconfig would hand back the regular one.
  const Error e = constructionError(configWith(FontRole::Fangsong, {"FandolFang:style=Bold"}));
  EXPECT_EQ(e.code(), "font.unresolved");
}

TEST(FontLibrary, UnresolvableRoleNamesRoleChineseNameAndFamiliesTried) {
  const Error e = constructionError(configWith(FontRole::Kaiti, {"楷体_GB2312", "No Such Family"}));
  EXPECT_EQ(e.code(), "font.unresolved");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  const std::string message = e.what();
  for (const char* part : {"kaiti", "楷体", "楷体_GB2312", "No Such Family", "fonts.xml"}) {
    EXPECT_NE(message.find(part), std::string::npos) << part << " missing from: " << message;
  }
}

TEST(FontLibrary, UnresolvableRoleFromAFileNamesItsLine) {
  TempDir dir;
  const std::string path = dir.file("fonts.xml");
  std::ofstream(path) << "<fonts>\n"
                         "  <!-- roles are resolved in the order fangsong, xiaobiaosong, heiti, ... -->\n"
                         "  <role name=\"fangsong\"><family>No Such Fang</family></role>\n"
                         "</fonts>\n";
  const Error e = constructionError(FontConfig::load(path));
  EXPECT_EQ(e.code(), "font.unresolved");
  EXPECT_NE(std::string(e.what()).find(path + ":3: <role name=\"fangsong\">"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("No Such Fang"), std::string::npos) << e.what();
}

TEST(FontLibrary, ExtraDirectoryFromTheConfigurationIsSearched) {
  FontConfig config = configWith(FontRole::Fangsong, {"FandolFang"});
  config.directories.clear();
  EXPECT_EQ(constructionError(config).code(), "font.unresolved")
      << "Fandol is not known to system fontconfig";
}

TEST(FontLibrary, RoleMissingFromTheFileIsUnresolved) {
  TempDir dir;
  const std::string path = dir.file("fonts.xml");
  std::ofstream(path) << "<fonts><role name=\"fangsong\"><family>AR PL SungtiL GB</family></role></fonts>";
  const Error e = constructionError(FontConfig::load(path));
  EXPECT_EQ(e.code(), "font.unresolved");
  EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
}

}  // namespace
}  // namespace gongwen::fonts
