// `gongwen check` as a clerk runs it: the real binary on real files.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "pipeline/check/RuleCatalog.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

using gongwen::readFile;
using gongwen::writeFileAtomically;
using gongwen::testing::run;
using gongwen::testing::TempDir;

namespace {

gongwen::testing::CommandResult check(const std::vector<std::string>& args) {
  std::vector<std::string> argv{gongwen::testing::gongwenBinary(), "check"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

std::string data(const std::string& name) { return gongwen::testing::sourcePath("tests/check/data/" + name); }

}  // namespace

TEST(CheckCli, TextOutputIsCompilerStyleWithTheLineAndACaret) {
  TempDir dir;
  const std::string file = dir.file("draft.txt");
  writeFileAtomically(file, "各单位：\n今天,我们开会。\n");
  const auto r = check({file});
  EXPECT_EQ(r.exitCode, 1);
  const std::string head = file + ":2:3: error[punct.halfwidth]: ";
  ASSERT_EQ(r.out.rfind(head, 0), 0u) << r.out;
  EXPECT_NE(r.out.find("应改为“，”"), std::string::npos) << r.out;
  // The excerpt, then the caret under the comma (two 汉字 = four terminal columns).
  EXPECT_NE(r.out.find("\n    今天,我们开会。\n        ^\n"), std::string::npos) << r.out;
}

TEST(CheckCli, JsonOutputHasEveryFieldAndNullFixWhenUncertain) {
  TempDir dir;
  const std::string file = dir.file("draft.txt");
  writeFileAtomically(file, "会议决定决定开展检查,请落实。\n于2026年2月30日召开。\n");
  const auto r = check({"--format", "json", file});
  EXPECT_EQ(r.exitCode, 1);
  const auto findings = nlohmann::json::parse(r.out);
  ASSERT_EQ(findings.size(), 3u) << r.out;
  EXPECT_EQ(findings[0]["rule"], "structure.repeated-word");
  EXPECT_EQ(findings[0]["severity"], "warning");
  EXPECT_EQ(findings[0]["column"], 5);
  EXPECT_TRUE(findings[0]["fix"].is_null());
  EXPECT_EQ(findings[1]["rule"], "punct.halfwidth");
  EXPECT_EQ(findings[1]["fix"], "，");
  EXPECT_EQ(findings[1]["line"], 1);
  EXPECT_EQ(findings[1]["column"], 11);
  EXPECT_EQ(findings[1]["file"], file);
  EXPECT_EQ(findings[2]["rule"], "date.invalid");
  EXPECT_EQ(findings[2]["line"], 2);
  for (const auto& f : findings) {
    for (const char* key : {"rule", "severity", "file", "line", "column", "message", "fix"}) {
      EXPECT_TRUE(f.contains(key)) << key;
    }
  }
}

TEST(CheckCli, WarningsAloneExitZero) {
  TempDir dir;
  const std::string file = dir.file("draft.txt");
  writeFileAtomically(file, "会议决定决定开展检查。\n");
  const auto r = check({file});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("warning[structure.repeated-word]"), std::string::npos);
}

TEST(CheckCli, CleanTwoThousandCharacterNoticeHasNoFindings) {
  const std::string text = readFile(data("clean-notice.txt"));
  ASSERT_GE(text.size() / 3, 2000u);
  const auto r = check({data("clean-notice.txt")});
  EXPECT_EQ(r.exitCode, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST(CheckCli, FixTurnsAHalfWidthTextIntoTheCleanOneAndIsIdempotent) {
  TempDir dir;
  const std::string file = dir.file("draft.txt");
  writeFileAtomically(file, readFile(data("halfwidth-notice.txt")));
  const auto before = check({"--format", "json", file});
  EXPECT_GE(nlohmann::json::parse(before.out).size(), 100u);

  const auto fixed = check({"--fix", "--format", "json", file});
  EXPECT_EQ(fixed.exitCode, 0) << fixed.out;
  EXPECT_EQ(nlohmann::json::parse(fixed.out).size(), 0u);
  EXPECT_EQ(readFile(file), readFile(data("clean-notice.txt")));

  const std::string once = readFile(file);
  const auto again = check({"--fix", file});
  EXPECT_EQ(again.exitCode, 0);
  EXPECT_EQ(again.err, "") << "a second --fix must change nothing";
  EXPECT_EQ(readFile(file), once);
}

TEST(CheckCli, FixKeepsLineEndingsAndLeavesUncertainFindings) {
  TempDir dir;
  const std::string file = dir.file("draft.txt");
  writeFileAtomically(file, "今天,我们开会\r\n学习《通知的精神。\r\n");
  const auto r = check({"--fix", file});
  EXPECT_EQ(readFile(file), "今天，我们开会\r\n学习《通知的精神。\r\n");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find(file + ":2:3: error[punct.unbalanced]"), std::string::npos) << r.out;
}

TEST(CheckCli, SampleJobsAreCleanAndFixLeavesThemByteIdentical) {
  TempDir dir;
  std::vector<std::string> copies;
  for (const auto& job : gongwen::testing::sampleJobs()) {
    const std::string copy = dir.file(job.substr(job.rfind('/') + 1));
    writeFileAtomically(copy, readFile(job));
    copies.push_back(copy);
  }
  ASSERT_FALSE(copies.empty());
  auto args = copies;
  args.insert(args.begin(), "--fix");
  const auto r = check(args);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  for (size_t i = 0; i < copies.size(); ++i) {
    EXPECT_EQ(readFile(copies[i]), readFile(gongwen::testing::sampleJobs()[i])) << copies[i];
  }
}

TEST(CheckCli, JobFindingsNameTheElement) {
  TempDir dir;
  const std::string file = dir.file("notice.xml");
  std::string job = readFile(gongwen::testing::sampleJobs().front());
  const size_t date = job.find("<date>");
  ASSERT_NE(date, std::string::npos);
  job.replace(date + 6, job.find("</date>") - date - 6, "2026年11月05日");
  writeFileAtomically(file, job);
  const auto r = check({"--format", "json", file});
  EXPECT_EQ(r.exitCode, 1);
  const auto findings = nlohmann::json::parse(r.out);
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0]["rule"], "date.leading-zero");
  EXPECT_EQ(findings[0]["element"], "/job/date");
  EXPECT_EQ(findings[0]["fix"], "5");
}

TEST(CheckCli, ListRulesPrintsTheWholeCatalog) {
  const auto r = check({"--list-rules"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out.rfind("| id | severity | clause | example | fix |", 0), 0u);
  for (const auto& rule : gongwen::check::ruleCatalog()) {
    EXPECT_NE(r.out.find("| " + std::string(rule.id) + " | "), std::string::npos) << rule.id;
  }
}

TEST(CheckCli, HostileInputsGiveAClearResultNeverACrash) {
  TempDir dir;
  const std::string empty = dir.file("empty.txt");
  writeFileAtomically(empty, "");
  auto r = check({empty});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "");

  const std::string invalid = dir.file("latin1.txt");
  writeFileAtomically(invalid, "第一行\n\xB9\xD8\xD3\xDA\n");
  r = check({invalid});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("error[text.utf8]: " + invalid + ":2: invalid UTF-8 at byte 0"), std::string::npos)
      << r.err;

  const std::string binary = dir.file("image.png");
  writeFileAtomically(binary, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  r = check({binary});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("error[text.binary]"), std::string::npos) << r.err;

  // 10 MB on one line: findings are capped per line, the run stays linear.
  const std::string huge = dir.file("huge.txt");
  std::string line;
  while (line.size() < 10u * 1024 * 1024) line += "各单位要认真落实（通知）精神,";
  writeFileAtomically(huge, line);
  r = check({"--format", "json", huge});
  EXPECT_EQ(r.exitCode, 1);
  const auto findings = nlohmann::json::parse(r.out);
  EXPECT_EQ(findings.size(), 500u);

  // A missing file among good ones: the good ones are still checked.
  r = check({dir.file("missing.txt"), data("clean-notice.txt")});
  EXPECT_EQ(r.exitCode, 6);
  EXPECT_NE(r.err.find("io.read"), std::string::npos) << r.err;
}

TEST(CheckCli, UsageErrors) {
  EXPECT_EQ(check({}).exitCode, 2);
  EXPECT_EQ(check({"--format", "xml", data("clean-notice.txt")}).exitCode, 2);
  const auto help = check({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("--fix"), std::string::npos);
}
