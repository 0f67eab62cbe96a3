// Every way a job can be unusable gives ONE line naming the file, the line and the element, with a
// stable code and the right exit category — and a DOCTYPE never gets an external entity read.

#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <fstream>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/job/JobLoader.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;
using gongwen::testing::TempDir;

namespace {

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A small valid job; tests break one thing in it.
const std::string kValidJob = R"(<?xml version="1.0" encoding="UTF-8"?>
<job template="notice" approvalChain="bureau-document">
  <issuer>江州市生态环境局</issuer>
  <docNumber>江州环发〔2026〕3号</docNumber>
  <title>江州市生态环境局关于做好冬季安全生产工作的通知</title>
  <mainRecipients>各区生态环境分局：</mainRecipients>
  <body>
    <p>请结合实际抓好落实。</p>
  </body>
  <signatory seal="administrative-seal">江州市生态环境局</signatory>
  <date>2026年11月27日</date>
</job>
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Loads `content` from a fresh file and returns the error it must raise.
Error loadError(const std::string& content, std::string* pathOut = nullptr, const TempDir* dir = nullptr) {
  TempDir own;
  const std::string path = (dir ? dir : &own)->file("job.xml");
  writeFile(path, content);
  if (pathOut) *pathOut = path;
  try {
    job::loadJob(path);
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "not one line: " << e.what();
    return e;
  }
  ADD_FAILURE() << "loaded without error:\n" << content;
  return Error(ExitCode::Ok, "none", "");
}

}  // namespace

TEST(LoadErrors, ValidJobLoads) {
  TempDir dir;
  writeFile(dir.file("job.xml"), kValidJob);
  EXPECT_EQ(job::loadJob(dir.file("job.xml")).title.value, "江州市生态环境局关于做好冬季安全生产工作的通知");
}

TEST(LoadErrors, MisspeltElementNamesFileLineAndExpectedElement) {
  TempDir dir;
  std::string path;
  const Error e =
      loadError(replaced(replaced(kValidJob, "<title>", "<titel>"), "</title>", "</titel>"), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_EQ(
      std::string(e.what()),
      path +
          ":5: element 'titel': not expected here; expected one of 'signer', 'title' (see schemas/job.xsd)");
}

TEST(LoadErrors, MissingTitleIsReportedAtTheElementWhereItWasExpected) {
  TempDir dir;
  std::string path;
  const Error e =
      loadError(replaced(kValidJob, "  <title>江州市生态环境局关于做好冬季安全生产工作的通知</title>\n", ""),
                &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()),
            path +
                ":5: element 'mainRecipients': not expected here; expected one of 'signer', "
                "'title' (see schemas/job.xsd)");
}

TEST(LoadErrors, EmptyTitleIsRefused) {
  TempDir dir;
  std::string path;
  const Error e =
      loadError(replaced(kValidJob, "<title>江州市生态环境局关于做好冬季安全生产工作的通知</title>",
                         "<title>  \n </title>"),
                &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()), path + ":5: element 'title': must not be empty (see schemas/job.xsd)");
}

TEST(LoadErrors, UnknownUrgencyValueListsTheAllowedOnes) {
  TempDir dir;
  std::string path;
  const Error e =
      loadError(replaced(kValidJob, "  <issuer>", "  <urgency>很急</urgency>\n  <issuer>"), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(
      std::string(e.what()),
      path + ":3: element 'urgency': '很急' is not allowed; use one of '特急', '加急' (see schemas/job.xsd)");
}

TEST(LoadErrors, UnknownApprovalChainAttributeIsRefused) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "bureau-document", "bureau-doc"), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  const std::string message = e.what();
  EXPECT_EQ(message.rfind(path + ":2: element 'job', attribute 'approvalChain': ", 0), 0u) << message;
  EXPECT_NE(message.find("'bureau-doc' is not allowed; use one of 'bureau-document', 'party-document'"),
            std::string::npos)
      << message;
}

TEST(LoadErrors, ADocumentWithoutItsApprovalChainIsRefused) {
  // Only a leave request may leave its chain to the policy's <leave> rules.
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, " approvalChain=\"bureau-document\"", ""), &path, &dir);
  EXPECT_EQ(e.code(), "job.approval-chain");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_EQ(std::string(e.what()).rfind(path + ":2: element 'job': attribute 'approvalChain' is required", 0),
            0u)
      << e.what();
}

TEST(LoadErrors, AFormContentUnderAnotherTemplateIsRefused) {
  TempDir dir;
  std::string path;
  const std::string leave =
      readFile(gongwen::testing::sourcePath("samples/jobs/leave-personal-half-day.xml"));
  Error e = loadError(replaced(leave, "template=\"leave\"", "template=\"voucher\""), &path, &dir);
  EXPECT_EQ(e.code(), "job.form-template");
  EXPECT_NE(std::string(e.what()).find("template=\"leave\""), std::string::npos) << e.what();
  // A 公文 content under a form template.
  e = loadError(replaced(kValidJob, "template=\"notice\"", "template=\"leave\""), &path, &dir);
  EXPECT_EQ(e.code(), "job.form-template");
}

TEST(LoadErrors, MissingTemplateAttributeIsRefused) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "template=\"notice\" ", ""), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()), path +
                                       ":2: element 'job': attribute 'template' is required but missing (see "
                                       "schemas/job.xsd)");
}

TEST(LoadErrors, WrongRootElementIsRefused) {
  TempDir dir;
  std::string path;
  const Error e = loadError("<?xml version=\"1.0\"?>\n<template id=\"notice\"/>\n", &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()),
            path + ":2: element 'template': unknown root element (see schemas/job.xsd)");
}

TEST(LoadErrors, MarkupInsideAParagraphIsRefused) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "请结合实际", "请<b>结合</b>实际"), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()),
            path + ":8: element 'p': contains markup; write plain text only (see schemas/job.xsd)");
}

TEST(LoadErrors, SealIdMustBeALowerCaseIdentifier) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "administrative-seal", "行政公章"), &path, &dir);
  EXPECT_EQ(e.code(), "job.schema");
  EXPECT_EQ(std::string(e.what()),
            path +
                ":10: element 'signatory', attribute 'seal': value '行政公章' is not accepted "
                "by the pattern '[a-z][a-z0-9\\-]*' (see schemas/job.xsd)");
}

TEST(LoadErrors, MalformedXmlNamesFileAndLine) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "</body>", "</bdy>"), &path, &dir);
  EXPECT_EQ(e.code(), "job.xml");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  const std::string message = e.what();
  EXPECT_EQ(message.rfind(path + ":9: ", 0), 0u) << message;
  EXPECT_NE(message.find("body"), std::string::npos) << message;
}

TEST(LoadErrors, InvalidUtf8IsMalformedXml) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "请结合实际", "\xff\xfe"), &path, &dir);
  EXPECT_EQ(e.code(), "job.xml");
  EXPECT_EQ(std::string(e.what()).rfind(path + ":8: ", 0), 0u) << e.what();
}

TEST(LoadErrors, EmptyFileIsMalformedXml) {
  const Error e = loadError("");
  EXPECT_EQ(e.code(), "job.xml");
}

TEST(LoadErrors, UndeclaredEntityIsMalformedXml) {
  const Error e = loadError(replaced(kValidJob, "请结合实际", "&secret;"));
  EXPECT_EQ(e.code(), "job.xml");
}

// The entity file would put its text into the title if it were ever read. inotify proves the
// loader never even opens it.
TEST(LoadErrors, DoctypeWithExternalEntityIsRefusedWithoutReadingTheEntity) {
  TempDir dir;
  const std::string entityFile = dir.file("secret.txt");
  writeFile(entityFile, "被替换的标题");
  const int watch = inotify_init1(IN_NONBLOCK);
  ASSERT_GE(watch, 0);
  ASSERT_GE(inotify_add_watch(watch, entityFile.c_str(), IN_OPEN | IN_ACCESS), 0);

  const std::string job = replaced(
      replaced(kValidJob, "<job ",
               "<!DOCTYPE job [\n  <!ENTITY secret SYSTEM \"file://" + entityFile + "\">\n]>\n<job "),
      "江州市生态环境局关于做好冬季安全生产工作的通知", "&secret;");
  std::string path;
  const Error e = loadError(job, &path, &dir);
  EXPECT_EQ(e.code(), "job.doctype");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_EQ(std::string(e.what()),
            path +
                ":2: a DOCTYPE declaration is not allowed (no DTDs or entities are read); "
                "remove the <!DOCTYPE ...> line");
  EXPECT_EQ(std::string(e.what()).find("被替换的标题"), std::string::npos);

  char events[4096];
  EXPECT_LT(::read(watch, events, sizeof events), 0) << "the entity file was opened";
  ::close(watch);
}

TEST(LoadErrors, DoctypeWithInternalEntitiesIsRefused) {
  const Error e = loadError(
      replaced(kValidJob, "<job ",
               "<!DOCTYPE job [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<job "));
  EXPECT_EQ(e.code(), "job.doctype");
}

TEST(LoadErrors, DoctypeWithExternalDtdIsRefused) {
  const Error e = loadError(
      replaced(kValidJob, "<job ", "<!DOCTYPE job SYSTEM \"http://example.invalid/job.dtd\">\n<job "));
  EXPECT_EQ(e.code(), "job.doctype");
}

TEST(LoadErrors, UnknownTemplateNamesFileLineAndTheKnownTemplates) {
  TempDir dir;
  std::string path;
  const Error e = loadError(replaced(kValidJob, "template=\"notice\"", "template=\"notise\""), &path, &dir);
  EXPECT_EQ(e.code(), "template.unknown");
  EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  EXPECT_EQ(std::string(e.what()),
            path +
                ":2: attribute 'template' of element 'job': unknown template 'notise'; use "
                "one of: decree, leave, letter, minutes, notice, reply, report, request, voucher");
}

TEST(LoadErrors, MissingFileIsAnIoError) {
  TempDir dir;
  const std::string path = dir.file("absent.xml");
  try {
    job::loadJob(path);
    FAIL() << "loaded a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "io.read");
    EXPECT_EQ(e.exitCode(), ExitCode::System);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(LoadErrors, DirectoryInsteadOfFileIsAnError) {
  TempDir dir;
  try {
    job::loadJob(dir.path());
    FAIL() << "loaded a directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.exitCode(), ExitCode::System) << e.code() << ": " << e.what();
    EXPECT_NE(std::string(e.what()).find(dir.path()), std::string::npos) << e.what();
  }
}
