// 发文字号 cited in running text as real text garbles them: brackets replaced or missing, the
// year run into the number, 发 typed as a character of the same sound. Each form is found where
// it stands, fixed when the fix is certain, and the corrected sentence is clean.

#include <gtest/gtest.h>

#include "pipeline/check/Checker.h"
#include "pipeline/check/Fixer.h"

using namespace gongwen;

namespace {

struct Garbled {
  const char* text;
  const char* firstFinding;  // "rule@column" of the first finding
  const char* corrected;     // what --fix gives, or the correction a clerk makes by hand
  bool certain;              // --fix applies the whole correction
};

constexpr Garbled kGarbled[] = {
    {"根据某政办发201427号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发2014 27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发2014　27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发2014年27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", false},
    {"根据某政办发(2014)27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发[2014]27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发【2014】27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发（2014）27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发〈2014〉27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发［2014］27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发〖2014〗27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发2014〕27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发〔2014 27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发〔2014)27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发〔2014〕 27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发（2014年）27号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办发 2014 27号文件执行。", "punct.space@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办法〔2014〕27号文件执行。", "docnum.code-typo@6", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办废〔2014〕27号文件执行。", "docnum.code-typo@6", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办伐201427号文件执行。", "docnum.code-typo@6", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办法[2014]第027号文件执行。", "docnum.code-typo@6", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某政办函2014 5号文件执行。", "docnum.brackets@7", "根据某政办函〔2014〕5号文件执行。", true},
    {"根据某政办发(2014〕第027号文件执行。", "docnum.brackets@7", "根据某政办发〔2014〕27号文件执行。", true},
    {"根据某环字201403号文件执行。", "docnum.brackets@6", "根据某环字〔2014〕3号文件执行。", true},
    {"根据国办发〔14〕27号文件执行。", "docnum.year@7", "根据国办发〔2014〕27号文件执行。", false},
    {"根据国办发(14)27号文件执行。", "docnum.brackets@6", "根据国办发〔2014〕27号文件执行。", false},
};

// Sentences with years, numbers and brackets that are not 发文字号.
constexpr const char* kNotDocNumbers[] = {
    "于2014年27号楼召开。",
    "共发放2014份，27号楼已完成。",
    "印发2014年度工作要点。",
    "本年度（2026）共完成12项。",
    "联系电话（0791）86001234。",
    "国家税务总局公告2014年第27号。",
    "根据国发〔2014〕27号文件执行。",
    "根据京高法〔2014〕27号文件执行。",
    "根据市委政法〔2014〕27号文件执行。",
    "根据最高人民法院法〔2014〕27号文件执行。",
    "恢复2014年3号线运营。",
    "开通2014年27号航班。",
    "今年下发2014份文件。",
    "《管理办法》（2014年修订）第27条规定。",
    "收到函件2014件。",
    "发2014年第3号公告。",
    "共收文201427件。",
    "2014年27日",
    "办法2014年施行。",
};

std::string firstFinding(const std::string& text) {
  const auto findings = check::checkText(text, "t.txt");
  return findings.empty() ? "" : findings[0].rule + "@" + std::to_string(findings[0].column);
}

bool hasErrorFindings(const std::string& text) { return check::hasErrors(check::checkText(text, "t.txt")); }

}  // namespace

TEST(DocNumberText, EveryGarbledFormIsFoundWhereItStands) {
  EXPECT_GE(std::size(kGarbled), 20u);
  for (const auto& g : kGarbled) EXPECT_EQ(firstFinding(g.text), g.firstFinding) << g.text;
}

TEST(DocNumberText, CertainFixesGiveTheCorrectedTextAndItIsClean) {
  for (const auto& g : kGarbled) {
    EXPECT_FALSE(hasErrorFindings(g.corrected)) << g.corrected;
    if (!g.certain) continue;
    EXPECT_EQ(check::fixText(g.text, "t.txt"), g.corrected) << g.text;
  }
}

TEST(DocNumberText, AYearClosedByNianWithoutBracketsIsReportedButNotFixed) {
  const auto findings = check::checkText("中央印发2026年1号文件。", "t.txt");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "docnum.brackets");
  EXPECT_FALSE(findings[0].fix);
  EXPECT_NE(findings[0].message.find("〔2026〕"), std::string::npos) << findings[0].message;
}

TEST(DocNumberText, AYearWithTwoDigitsHasNoCertainFix) {
  EXPECT_EQ(check::fixText("根据国办发〔14〕27号文件执行。", "t.txt"), "根据国办发〔14〕27号文件执行。");
  EXPECT_EQ(check::fixText("根据国办发(14)27号文件执行。", "t.txt"), "根据国办发〔14〕27号文件执行。");
}

TEST(DocNumberText, YearsAndNumbersThatAreNoDocNumberAreLeftAlone) {
  for (const char* text : kNotDocNumbers) EXPECT_EQ(firstFinding(text), "") << text;
}

TEST(DocNumberText, TheDocNumberElementAcceptsTheGarbledFormsToo) {
  model::Document d;
  d.sourceFile = "job.xml";
  d.docNumber = {"江州环发2026 11号", {"job.xml", 4, "/job/docNumber"}};
  const auto findings = check::checkDocument(d);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].rule, "docnum.brackets");
  EXPECT_EQ(findings[0].fix, "〔2026〕");
}
