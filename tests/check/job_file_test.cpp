// Job XML files: findings point to the line and column in the file, also inside element text
// that the clerk wrapped over several lines, and --fix rewrites only the flagged characters.

#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/check/Checker.h"
#include "pipeline/check/Fixer.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;

namespace {

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// 1-based line and character column of byte `at` in `s`: computed from the raw file, not by the
// checker's own mapping.
std::pair<int, int> lineColumn(const std::string& s, size_t at) {
  int line = 1;
  size_t lineStart = 0;
  for (size_t i = 0; i < at; ++i) {
    if (s[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  int column = 1;
  for (size_t i = lineStart; i < at; ++i) column += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return {line, column};
}

const std::string kOriginalParagraph = "<p>近年来，我市深入打好碧水保卫战，城区水环境质量持续改善。";
// The same paragraph wrapped over two lines, with a half-width comma on the first and a
// half-width full stop on the second.
const std::string kWrappedParagraph = "<p>近年来,我市深入打好碧水保卫战，\n      城区水环境质量持续改善.";

}  // namespace

TEST(JobFile, FindingsInWrappedElementTextPointToTheirOwnLine) {
  gongwen::testing::TempDir dir;
  const std::string path = dir.file("request.xml");
  const std::string job =
      replaced(readFile(gongwen::testing::sourcePath("samples/jobs/request-special-funds.xml")),
               kOriginalParagraph, kWrappedParagraph);
  writeFileAtomically(path, job);

  const auto findings = check::checkFile(path);
  ASSERT_EQ(findings.size(), 2u) << check::formatFindings(findings);
  const size_t comma = job.find("近年来,") + std::string("近年来").size();
  const size_t stop = job.find("持续改善.") + std::string("持续改善").size();
  EXPECT_EQ(std::make_pair(findings[0].line, findings[0].column), lineColumn(job, comma));
  EXPECT_EQ(std::make_pair(findings[1].line, findings[1].column), lineColumn(job, stop));
  EXPECT_EQ(findings[0].file, path);
  EXPECT_EQ(findings[0].element, "/job/body/p[1]");
  EXPECT_EQ(findings[1].line, findings[0].line + 1);
}

TEST(JobFile, FixRewritesOnlyTheFlaggedCharactersAndIsIdempotent) {
  gongwen::testing::TempDir dir;
  const std::string path = dir.file("request.xml");
  const std::string original =
      readFile(gongwen::testing::sourcePath("samples/jobs/request-special-funds.xml"));
  std::string job = replaced(original, kOriginalParagraph, kWrappedParagraph);
  job = replaced(job, "<docNumber>江州环呈〔2026〕7号</docNumber>",
                 "<docNumber>江州环呈[2026]07号</docNumber>");
  job = replaced(job, "<copiesTo>江州市财政局。</copiesTo>", "<copiesTo>江州市财政局\n  </copiesTo>");
  writeFileAtomically(path, job);

  const std::string fixed = check::fixJob(path);
  std::string expected = replaced(job, "近年来,", "近年来，");
  expected = replaced(expected, "持续改善.", "持续改善。");
  expected = replaced(expected, "江州环呈[2026]07号", "江州环呈〔2026〕7号");
  expected =
      replaced(expected, "<copiesTo>江州市财政局\n  </copiesTo>", "<copiesTo>江州市财政局。\n  </copiesTo>");
  EXPECT_EQ(fixed, expected);

  WriteOptions rewrite;  // as check --fix does
  rewrite.replacesInput = true;
  writeFileAtomically(path, fixed, rewrite);
  EXPECT_EQ(check::fixJob(path), fixed);
  EXPECT_TRUE(check::checkFile(path).empty());
}

TEST(JobFile, SampleJobsAreCleanAndUnchangedByFix) {
  const auto jobs = gongwen::testing::sampleJobs();
  ASSERT_FALSE(jobs.empty());
  for (const auto& job : jobs) {
    const auto findings = check::checkFile(job);
    EXPECT_TRUE(findings.empty()) << job << "\n" << check::formatFindings(findings);
    EXPECT_EQ(check::fixJob(job), readFile(job)) << job;
  }
}

TEST(JobFile, FixAppliesInsideElementsWithCommentsCdataAndProcessingInstructions) {
  gongwen::testing::TempDir dir;
  const std::string path = dir.file("request.xml");
  const std::string original =
      readFile(gongwen::testing::sourcePath("samples/jobs/request-special-funds.xml"));
  const std::string job = replaced(
      original, kOriginalParagraph,
      "<p>近年来<!-- 据统计 -->,我市<![CDATA[深入打好碧水保卫战,]]>城区<?editor note?>水环境质量持续改善.");
  writeFileAtomically(path, job);

  const auto findings = check::checkFile(path);
  ASSERT_EQ(findings.size(), 3u) << check::formatFindings(findings);
  const size_t afterComment = job.find("-->,") + 3;
  EXPECT_EQ(std::make_pair(findings[0].line, findings[0].column), lineColumn(job, afterComment));

  std::string expected = replaced(job, "-->,", "-->，");
  expected = replaced(expected, "保卫战,]]>", "保卫战，]]>");
  expected = replaced(expected, "持续改善.", "持续改善。");
  EXPECT_EQ(check::fixJob(path), expected);
}

TEST(JobFile, AFixWhoseSpanHoldsMarkupIsNotApplied) {
  gongwen::testing::TempDir dir;
  const std::string path = dir.file("request.xml");
  const std::string original =
      readFile(gongwen::testing::sourcePath("samples/jobs/request-special-funds.xml"));
  // "，，" is one finding over both commas; replacing it would delete the comment between them.
  const std::string job =
      replaced(original, kOriginalParagraph, "<p>近年来，<!-- 注 -->，我市深入打好碧水保卫战");
  writeFileAtomically(path, job);
  const auto findings = check::checkFile(path);
  ASSERT_EQ(findings.size(), 1u) << check::formatFindings(findings);
  EXPECT_EQ(findings[0].rule, "punct.doubled");
  EXPECT_EQ(check::fixJob(path), job);
}
