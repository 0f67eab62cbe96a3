// The 发文字号 sequence check of the audit (DA/T 70 完整性): gaps and duplicates per 机关代字 and year.

#include <gtest/gtest.h>

#include "pipeline/archive/NumberSequence.h"

namespace gongwen::archive {
namespace {

using Kind = NumberingFinding::Kind;

TEST(NumberSequenceTest, AContinuousSequencePerOrganAndYearHasNoFindings) {
  NumberingReport report = checkNumbering({{"a", "江州环发〔2026〕12号"},
                                           {"b", "江州环发〔2026〕11号"},
                                           {"c", "江州环函〔2026〕31号"},
                                           {"d", "江州环发〔2025〕40号"}});
  EXPECT_TRUE(report.findings.empty());
  ASSERT_EQ(report.sequences.size(), 3u);
  // Ordered by organ code (bytes), then year.
  EXPECT_EQ(report.sequences[0].organCode, "江州环函");
  EXPECT_EQ(report.sequences[1].organCode, "江州环发");
  EXPECT_EQ(report.sequences[1].year, 2025);
  EXPECT_EQ(report.sequences[2].year, 2026);
  EXPECT_EQ(report.sequences[2].documents, 2u);
  EXPECT_EQ(report.sequences[2].lowest, 11);
  EXPECT_EQ(report.sequences[2].highest, 12);
}

TEST(NumberSequenceTest, MissingNumbersBetweenTheLowestAndHighestAreAGap) {
  NumberingReport report = checkNumbering(
      {{"a", "江州环函〔2026〕31号"}, {"b", "江州环函〔2026〕35号"}, {"c", "江州环函〔2026〕36号"}});
  ASSERT_EQ(report.findings.size(), 1u);
  const NumberingFinding& gap = report.findings[0];
  EXPECT_EQ(gap.kind, Kind::Gap);
  EXPECT_EQ(gap.organCode, "江州环函");
  EXPECT_EQ(gap.year, 2026);
  EXPECT_EQ(gap.first, 32);
  EXPECT_EQ(gap.last, 34);
}

TEST(NumberSequenceTest, TheSameNumberTwiceIsADuplicateNamingBothDocuments) {
  // 第 and a leading zero are forms the checker flags, but the number is the same.
  NumberingReport report = checkNumbering(
      {{"a", "江州环发〔2026〕7号"}, {"b", "江州环发〔2026〕第07号"}, {"c", "江州环发〔2026〕8号"}});
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].kind, Kind::Duplicate);
  EXPECT_EQ(report.findings[0].first, 7);
  EXPECT_EQ(report.findings[0].ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(report.sequences[0].documents, 3u);
}

TEST(NumberSequenceTest, OrgansAndYearsAreSeparateSequences) {
  // 12 under 江州环发 and 13 under 江州环党发, or 5 in 2025 and 6 in 2026, are no sequence.
  NumberingReport report = checkNumbering({{"a", "江州环发〔2026〕12号"},
                                           {"b", "江州环党发〔2026〕14号"},
                                           {"c", "江州环发〔2025〕5号"},
                                           {"d", "江州环发〔2026〕13号"}});
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.sequences.size(), 3u);
}

TEST(NumberSequenceTest, ANumberThatIsNoFawenzihaoIsReportedNotGuessed) {
  NumberingReport report = checkNumbering({{"a", "江州环发2026年12号"},
                                           {"b", "〔2026〕3号"},
                                           {"c", "江州环发〔2026〕号"},
                                           {"d", "江州环发〔2026〕3号之一"},
                                           {"e", std::string("江州环发〔2026〕\xff号")}});
  ASSERT_EQ(report.findings.size(), 5u);
  for (const NumberingFinding& finding : report.findings) EXPECT_EQ(finding.kind, Kind::Unreadable);
  EXPECT_EQ(report.findings[0].ids, std::vector<std::string>{"a"});
  EXPECT_EQ(report.findings[0].number, "江州环发2026年12号");
  EXPECT_TRUE(report.sequences.empty());
}

TEST(NumberSequenceTest, NoDocumentsNoSequences) {
  NumberingReport report = checkNumbering({});
  EXPECT_TRUE(report.sequences.empty());
  EXPECT_TRUE(report.findings.empty());
}

}  // namespace
}  // namespace gongwen::archive
