// Real text pasted from a web page, a PDF or a spreadsheet arrives with its paragraphs run
// together, so ordinals stand in the middle of a line. Their form, sequence and levels are judged
// where they stand; a new section restarts the sequence; numbers in running text are no ordinals.

#include <gtest/gtest.h>

#include "pipeline/check/Checker.h"
#include "pipeline/check/Fixer.h"

using namespace gongwen;

namespace {

using Findings = std::vector<std::string>;

Findings summary(const std::string& text) {
  Findings out;
  for (const auto& f : check::checkText(text, "t.txt")) {
    out.push_back(f.rule + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
  }
  return out;
}

Findings ordinalFindings(const std::string& text) {
  Findings out;
  for (const auto& f : check::checkText(text, "t.txt")) {
    if (f.rule.rfind("ordinal.", 0) == 0)
      out.push_back(f.rule + "@" + std::to_string(f.column) + ": " + text);
  }
  return out;
}

// Sentences with numbers, brackets and 汉字 numerals in running text: none holds an ordinal.
constexpr const char* kNoOrdinals[] = {
    "2026年全市生产总值增长5.2%。3.5%的企业完成了改造。",
    "根据《条例》第1条、第3条规定执行。",
    "今年共完成1、2、3项工作，其余4、5两项明年完成。",
    "全市共有12个区县。3个区县尚未完成任务。",
    "会议于15:40开始。16:30结束。",
    "合计：5。其中：市级3个，区级2个。",
    "得分：3，排名第二。",
    "请见附表（1）和附表（2）。",
    "按公式（1）计算。见图（2）所示。",
    "第（1）项和第（2）项均已完成。",
    "按照第三条（一）项的规定办理。",
    "一、二年级学生参加。三、四年级学生不参加。",
    "十分重要。一是提高认识，二是压实责任。",
    "截至11月底，已完成97.5%。12月底前全部完成。",
    "投资1.5亿元。2.3万人受益。",
    "依据GB/T 9704-2012执行。5.1.2条规定。",
    "本年度（2026）共完成12项。联系电话（0791）86001234。",
    "第一，加强领导；第二，落实责任。",
    "共计1,000元。2,500元已拨付。",
    "已完成1期工程。2期工程正在推进。",
    "会议决定：3月1日起施行。",
    "检查分3个阶段。1月至3月为准备阶段。",
    "按5：3的比例分配。比例为1:500。",
    "“十四五”期间，我市完成投资2000亿元。",
    "他说：“一定要完成任务。”三天后任务完成。",
    "问题清单（2026年版）已印发。",
    "全年共召开会议24次。10次为专题会议。",
    "各单位于12月1日前报送。逾期不报的，予以通报。",
    "截至目前：1家企业完成整改。",
    "全年接待来访群众300人次。一季度占40%。",
    "请于3日内回复。5日内未回复的视为同意。",
    "详见江州环发〔2026〕11号文件。2号文件同时废止。",
};

}  // namespace

TEST(RunTogether, OrdinalsInsideAParagraphAreJudgedWhereTheyStand) {
  const std::string text =
      "为规范议事程序，特制订本制度.1。局务会制度(1)局务会由局长主持。(2)局务会每月召开一次。"
      "2。党组会制度(1)党组会由党组书记主持。(3)议题经书记同意后确定。\n";
  EXPECT_EQ(summary(text), (Findings{"punct.halfwidth@1:15", "ordinal.form@1:16", "ordinal.form@1:23",
                                     "ordinal.form@1:35", "ordinal.form@1:48", "ordinal.form@1:55",
                                     "ordinal.form@1:69", "ordinal.sequence@1:69"}));
  EXPECT_EQ(check::fixText(text, "t.txt"),
            "为规范议事程序，特制订本制度。1.局务会制度（1）局务会由局长主持。（2）局务会每月召开一次。"
            "2.党组会制度（1）党组会由党组书记主持。（3）议题经书记同意后确定。\n");
}

TEST(RunTogether, AGapAndARepeatInsideAParagraphAreSequenceWarnings) {
  EXPECT_EQ(
      summary("一、加强协作。各部门要相互支持、配合。二、统一思想。四、对意见分散的议题，应暂缓决定。\n"),
      Findings{"ordinal.sequence@1:27"});
  EXPECT_EQ(summary("一、总体要求\n（一）指导思想。坚持问题导向。（一）工作目标。到年底完成。\n"),
            Findings{"ordinal.sequence@2:16"});
  EXPECT_EQ(summary("一、总体要求。一、主要任务。\n"), Findings{"ordinal.sequence@1:8"});
}

TEST(RunTogether, WrongMarksAfterAnArabicOrdinalAreFixedWhereverTheyStand) {
  EXPECT_EQ(summary("具体要求如下：1、加强领导；2，落实责任；3。强化督查。\n"),
            (Findings{"ordinal.form@1:8", "ordinal.form@1:15", "ordinal.form@1:22"}));
  EXPECT_EQ(check::fixText("具体要求如下：1、加强领导；2，落实责任；3。强化督查。\n", "t.txt"),
            "具体要求如下：1.加强领导；2.落实责任；3.强化督查。\n");
  EXPECT_EQ(summary("1，加强领导。\n"), Findings{"ordinal.form@1:1"});
}

TEST(RunTogether, SeveralSectionsInOneParagraphRestartTheirSequences) {
  EXPECT_EQ(summary("一、总体要求\n二、主要任务\n三、保障措施\n一、工作目标\n二、进度安排\n"), Findings{});
  EXPECT_EQ(summary("一、总体要求。坚持问题导向。二、主要任务。（一）加强领导。（二）落实责任。三、保障措施。"
                    "一、工作目标。到2027年底完成。二、进度安排。（一）准备阶段。（二）实施阶段。\n"),
            Findings{});
}

TEST(RunTogether, MixedLevelsInsideAParagraphAreReported) {
  EXPECT_EQ(summary("一、总体要求。1.坚持问题导向。（一）工作目标。到年底完成。\n"),
            Findings{"ordinal.level@1:8"});
}

TEST(RunTogether, ATitleLineStartsANewSectionOnlyWhenAFirstItemFollows) {
  EXPECT_EQ(summary("1.加强领导。\n2.落实责任。\n党组会制度\n1.党组会由书记主持。\n2.每月召开一次。\n"),
            Findings{});
  EXPECT_EQ(summary("1.加强领导。\n2.落实责任。\n1.党组会由书记主持。\n"), Findings{"ordinal.sequence@3:1"});
  EXPECT_EQ(summary("1.加强领导。\n2.落实责任。\n项目名称及金额\n3.强化督查。\n"), Findings{});
}

TEST(RunTogether, NumbersInRunningTextAreNoOrdinals) {
  std::string all = "一、总体要求。";
  for (const char* sentence : kNoOrdinals) {
    EXPECT_EQ(ordinalFindings(sentence), Findings{});
    all += sentence;
  }
  // Also run together after an ordinal, where bracketed ordinals after text count.
  EXPECT_EQ(ordinalFindings(all), Findings{});
}

TEST(RunTogether, BodyBlocksOfAJobAreScannedToo) {
  model::Document d;
  d.sourceFile = "job.xml";
  d.body = {{model::BlockKind::Heading1, {"一、总体要求", {"job.xml", 8, "/job/body/h1[1]"}}},
            {model::BlockKind::Paragraph,
             {"坚持问题导向。二、主要任务。四、保障措施。", {"job.xml", 9, "/job/body/p[1]"}}}};
  const auto findings = check::checkDocument(d);
  ASSERT_EQ(findings.size(), 1u) << check::formatFindings(findings);
  EXPECT_EQ(findings[0].rule, "ordinal.sequence");
  EXPECT_EQ(findings[0].column, 15);
}
