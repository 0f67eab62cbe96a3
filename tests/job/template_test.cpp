// The shipped templates load with the right fields; broken templates are refused clearly.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "pipeline/core/Error.h"
#include "pipeline/job/JobLoader.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;
using gongwen::testing::sourcePath;
using gongwen::testing::TempDir;
namespace fs = std::filesystem;

TEST(Templates, NoticeIsAGeneralDownwardSealedFileDocument) {
  const model::Template t = job::loadTemplate("notice");
  EXPECT_EQ(t.id, "notice");
  EXPECT_EQ(t.kindName, "通知");
  EXPECT_EQ(t.format, model::LayoutFormat::General);
  EXPECT_EQ(t.direction, model::Direction::Down);
  EXPECT_EQ(t.markSuffix, "文件");
  EXPECT_FALSE(t.signerRequired);
  EXPECT_FALSE(t.singleMainRecipient);
  EXPECT_TRUE(t.sealed);
  EXPECT_TRUE(t.signatureBlock);
  EXPECT_NE(t.sourceFile.find("templates/notice.xml"), std::string::npos);
}

TEST(Templates, RequestIsUpwardWithSignerAndOneRecipient) {
  const model::Template t = job::loadTemplate("request");
  EXPECT_EQ(t.kindName, "请示");
  EXPECT_EQ(t.direction, model::Direction::Up);
  EXPECT_TRUE(t.signerRequired);
  EXPECT_TRUE(t.singleMainRecipient);
  EXPECT_EQ(t.markSuffix, "文件");
}

TEST(Templates, LetterUsesTheLetterFormatWithoutMarkSuffix) {
  const model::Template t = job::loadTemplate("letter");
  EXPECT_EQ(t.kindName, "函");
  EXPECT_EQ(t.format, model::LayoutFormat::Letter);
  EXPECT_EQ(t.direction, model::Direction::Across);
  EXPECT_TRUE(t.markSuffix.empty());
  EXPECT_TRUE(t.sealed);
}

TEST(Templates, MinutesHaveNoSignatureBlockAndNoSeal) {
  const model::Template t = job::loadTemplate("minutes");
  EXPECT_EQ(t.kindName, "纪要");
  EXPECT_EQ(t.format, model::LayoutFormat::Minutes);
  EXPECT_EQ(t.markSuffix, "纪要");
  EXPECT_FALSE(t.signatureBlock);
  EXPECT_FALSE(t.sealed);
}

TEST(Templates, ReportAndReply) {
  EXPECT_EQ(job::loadTemplate("report").kindName, "报告");
  EXPECT_TRUE(job::loadTemplate("report").signerRequired);
  EXPECT_EQ(job::loadTemplate("reply").kindName, "批复");
  EXPECT_EQ(job::loadTemplate("reply").direction, model::Direction::Down);
}

TEST(Templates, IdsThatCouldLeaveTheTemplatesFolderAreUnknown) {
  for (const char* id : {"../schemas/job", "", "Notice", "notice.xml", "/etc/passwd"}) {
    try {
      job::loadTemplate(id);
      ADD_FAILURE() << "loaded template '" << id << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "template.unknown") << id;
      EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    }
  }
}

// Broken templates live in a data directory of their own (with copies of the real schemas).
class BrokenTemplates : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("GONGWEN_DATA_DIR");
    oldDataDir_ = old ? old : "";
    fs::copy(sourcePath("schemas"), dir_.file("schemas"));
    fs::create_directory(dir_.file("templates"));
    ::setenv("GONGWEN_DATA_DIR", dir_.path().c_str(), 1);
  }
  void TearDown() override { ::setenv("GONGWEN_DATA_DIR", oldDataDir_.c_str(), 1); }

  std::string writeTemplate(const std::string& id, const std::string& text) {
    const std::string path = dir_.file("templates/" + id + ".xml");
    std::ofstream(path) << text;
    return path;
  }

  Error loadError(const std::string& id) {
    try {
      job::loadTemplate(id);
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
      return e;
    }
    ADD_FAILURE() << "loaded broken template " << id;
    return Error(ExitCode::Ok, "none", "");
  }

  TempDir dir_;
  std::string oldDataDir_;
};

TEST_F(BrokenTemplates, SchemaViolationNamesTemplateFileAndLine) {
  const std::string path = writeTemplate("bad-format", R"(<?xml version="1.0"?>
<template id="bad-format">
  <kindName>通知</kindName>
  <format>folio</format>
  <direction>down</direction>
  <signerRequired>false</signerRequired>
  <singleMainRecipient>false</singleMainRecipient>
  <sealed>true</sealed>
  <signatureBlock>true</signatureBlock>
</template>
)");
  const Error e = loadError("bad-format");
  EXPECT_EQ(e.code(), "template.schema");
  EXPECT_EQ(std::string(e.what()), path +
                                       ":4: element 'format': 'folio' is not allowed; use one of 'general', "
                                       "'letter', 'minutes', 'decree', 'form' (see schemas/template.xsd)");
}

TEST_F(BrokenTemplates, IdMustMatchFileName) {
  writeTemplate("renamed", R"(<?xml version="1.0"?>
<template id="notice">
  <kindName>通知</kindName>
  <format>general</format>
  <direction>down</direction>
  <signerRequired>false</signerRequired>
  <singleMainRecipient>false</singleMainRecipient>
  <sealed>true</sealed>
  <signatureBlock>true</signatureBlock>
</template>
)");
  EXPECT_EQ(loadError("renamed").code(), "template.id");
}

TEST_F(BrokenTemplates, DoctypeIsRefused) {
  writeTemplate("with-doctype",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE template SYSTEM \"t.dtd\">\n<template/>\n");
  const Error e = loadError("with-doctype");
  EXPECT_EQ(e.code(), "template.doctype");
  EXPECT_NE(std::string(e.what()).find("with-doctype.xml:2: "), std::string::npos) << e.what();
}

TEST_F(BrokenTemplates, UnknownTemplateListsWhatIsThere) {
  writeTemplate("only-one", "<template/>");
  const Error e = loadError("nothing-here");
  EXPECT_EQ(e.code(), "template.unknown");
  EXPECT_EQ(std::string(e.what()), "unknown template 'nothing-here'; use one of: only-one");
}
