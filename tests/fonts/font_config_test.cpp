// fonts.xml loading: the shipped configuration, and every way a deployer's file can be wrong.

#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontLibrary.h"
#include "tests/support/TestSupport.h"

namespace gongwen::fonts {
namespace {

using gongwen::testing::TempDir;

std::string writeConfig(const TempDir& dir, const std::string& body) {
  const std::string path = dir.file("fonts.xml");
  std::ofstream(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << body;
  return path;
}

// Runs `load` and returns the Error it throws (the test fails if it throws nothing).
Error loadError(const std::string& path) {
  try {
    FontConfig::load(path);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << path << " loaded without error";
  return Error(ExitCode::Ok, "none", "");
}

TEST(FontConfig, DefaultsNameEveryRoleLicensedFamiliesFirst) {
  const FontConfig config = FontConfig::defaults();
  for (FontRole role : kAllRoles) {
    ASSERT_TRUE(config.families.count(role)) << roleName(role);
    EXPECT_GE(config.families.at(role).size(), 2u) << roleName(role);
  }
  EXPECT_EQ(config.families.at(FontRole::Fangsong).front(), "仿宋_GB2312");
  EXPECT_EQ(config.families.at(FontRole::Xiaobiaosong).front(), "方正小标宋简体");
  // The last 仿宋, then a family only for the characters the 仿宋 faces lack.
  const std::vector<std::string>& fangsong = config.families.at(FontRole::Fangsong);
  EXPECT_EQ(fangsong.end()[-2], "FandolFang");
  EXPECT_EQ(fangsong.back(), "Noto Serif CJK SC");
  ASSERT_EQ(config.directories.size(), 1u);
  EXPECT_NE(config.directories[0].find("fandol"), std::string::npos);
}

TEST(FontConfig, RelativeDirectoryIsTakenFromTheConfigFile) {
  TempDir dir;
  const auto path =
      writeConfig(dir, "<fonts><dir>myfonts</dir><role name=\"kaiti\"><family>X</family></role></fonts>");
  const FontConfig config = FontConfig::load(path);
  ASSERT_EQ(config.directories.size(), 1u);
  EXPECT_EQ(config.directories[0], dir.path() + "/myfonts");
  EXPECT_EQ(config.families.at(FontRole::Kaiti), std::vector<std::string>{"X"});
}

TEST(FontConfig, UnknownRoleNamesFileLineAndAcceptedRoles) {
  TempDir dir;
  const auto path = writeConfig(dir,
                                "<fonts>\n"
                                "  <role name=\"fangsong\"><family>FandolFang</family></role>\n"
                                "  <role name=\"lishu\"><family>FandolFang</family></role>\n"
                                "</fonts>\n");
  const Error e = loadError(path);
  EXPECT_EQ(e.code(), "font.unknown-role");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_NE(std::string(e.what()).find(path + ":4:"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("lishu"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("xiaobiaosong"), std::string::npos) << e.what();
}

TEST(FontConfig, SchemaViolationNamesFileLineAndElement) {
  TempDir dir;
  const auto path = writeConfig(dir,
                                "<fonts>\n"
                                "  <role name=\"fangsong\">\n"
                                "    <font>FandolFang</font>\n"
                                "  </role>\n"
                                "</fonts>\n");
  const Error e = loadError(path);
  EXPECT_EQ(e.code(), "fonts.schema");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_NE(std::string(e.what()).find(path + ":4: element 'font'"), std::string::npos) << e.what();
}

TEST(FontConfig, DuplicateRoleIsASchemaError) {
  TempDir dir;
  const auto path = writeConfig(dir,
                                "<fonts>\n"
                                "  <role name=\"heiti\"><family>A</family></role>\n"
                                "  <role name=\"heiti\"><family>B</family></role>\n"
                                "</fonts>\n");
  EXPECT_EQ(loadError(path).code(), "fonts.schema");
}

TEST(FontConfig, DoctypeIsRefusedAndEntitiesAreNeverExpanded) {
  TempDir dir;
  const auto path = writeConfig(dir,
                                "<!DOCTYPE fonts [<!ENTITY f SYSTEM \"/etc/hostname\">]>\n"
                                "<fonts><role name=\"heiti\"><family>&f;</family></role></fonts>\n");
  const Error e = loadError(path);
  EXPECT_EQ(e.code(), "fonts.doctype");
  EXPECT_NE(std::string(e.what()).find(path + ":2:"), std::string::npos) << e.what();
}

TEST(FontConfig, MalformedXmlNamesTheLine) {
  TempDir dir;
  const auto path = writeConfig(dir, "<fonts>\n<role name=\"heiti\">\n</fonts>\n");
  const Error e = loadError(path);
  EXPECT_EQ(e.code(), "fonts.xml");
  EXPECT_NE(std::string(e.what()).find(path + ":4:"), std::string::npos) << e.what();
}

TEST(FontConfig, MissingFileIsAnIoError) {
  TempDir dir;
  const Error e = loadError(dir.file("absent.xml"));
  EXPECT_EQ(e.code(), "io.read");
  EXPECT_EQ(e.exitCode(), ExitCode::System);
}

}  // namespace
}  // namespace gongwen::fonts
