// Plain texts of several lines: ordinal sequence and level order across paragraphs, 附件说明
// against the attachments, and element lines recognised by their form.

#include <gtest/gtest.h>

#include "pipeline/check/Checker.h"
#include "pipeline/check/Fixer.h"

using namespace gongwen;

namespace {

std::vector<std::string> summary(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : check::checkText(text, "t.txt")) {
    out.push_back(f.rule + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
  }
  return out;
}

using Findings = std::vector<std::string>;

}  // namespace

TEST(TextStructure, OrdinalsInOrderAreClean) {
  EXPECT_EQ(summary("一、总体要求\n（一）指导思想\n1.坚持问题导向。\n（1）查找问题。\n（2）整改问题。\n2."
                    "坚持目标导向。\n"
                    "（二）工作目标\n二、主要任务\n（一）加强领导\n"),
            Findings{});
}

TEST(TextStructure, SkippedNumberAndSkippedLevelAreReportedWhereTheyStand) {
  EXPECT_EQ(summary("一、总体要求\n（一）指导思想\n（三）工作目标\n三、主要任务\n1.加强领导\n"),
            (Findings{"ordinal.sequence@3:1", "ordinal.sequence@4:1", "ordinal.level@5:1"}));
}

TEST(TextStructure, ALevelUnusedInTheTextMayBeSkipped) {
  EXPECT_EQ(summary("一、总体要求\n1.坚持问题导向。\n2.坚持目标导向。\n二、主要任务\n1.加强领导。\n"),
            Findings{});
}

TEST(TextStructure, AttachmentsMustMatchTheAttachmentNote) {
  const std::string note = "附件：1. 实施方案\n　　　2. 统计表\n\n";
  EXPECT_EQ(summary(note + "附件1\n实施方案\n附件2\n统计表\n"), Findings{});
  EXPECT_EQ(summary(note + "附件1\n工作方案\n附件2\n统计表\n"),
            Findings{"structure.attachment-mismatch@5:1"});
  EXPECT_EQ(summary(note + "附件3\n考核办法\n"), Findings{"structure.attachment-mismatch@5:1"});
}

TEST(TextStructure, AttachmentBodiesNumberTheirOrdinalsAfresh) {
  EXPECT_EQ(summary("一、总体要求\n二、主要任务\n附件\n实施方案\n一、目标\n二、措施\n"), Findings{});
}

TEST(TextStructure, ElementLinesGetTheirElementRules) {
  EXPECT_EQ(summary("抄送：市委办公室，市政府办公室\n二〇二六年十一月二十七日\n秘密★15年\n"),
            (Findings{"structure.copies-to-period@1:16", "date.chinese-numerals@2:1",
                      "policy.classification-period@3:4"}));
}

TEST(TextStructure, FixIsCertainOnlyAndReachesAFixedPoint) {
  const std::string fixed =
      check::fixText("各单位,,要落实\"通知\"精神...\n1、加强领导\n抄送：市委办公室\n", "t.txt");
  EXPECT_EQ(fixed, "各单位，要落实“通知”精神……\n1.加强领导\n抄送：市委办公室。\n");
  EXPECT_EQ(check::fixText(fixed, "t.txt"), fixed);
}

TEST(TextStructure, AQuotationOverParagraphsOpensEachAndClosesOnlyAtTheEnd) {
  EXPECT_EQ(summary("他强调：“一要提高认识。\n“二要压实责任。\n\n“三要狠抓落实。”\n"), Findings{});
  EXPECT_EQ(summary("“一要提高认识。\n“二要压实责任。”\n"), Findings{});
  // The quotation is not carried on: the next paragraph does not open with the mark, or the
  // text ends.
  EXPECT_EQ(summary("他强调：“一要提高认识。\n二要压实责任。\n"), Findings{"punct.unbalanced@1:5"});
  EXPECT_EQ(summary("“一要提高认识。\n“二要压实责任。\n"), Findings{"punct.unbalanced@2:1"});
  // Two marks left open are unbalanced whatever follows.
  EXPECT_EQ(summary("“一要（提高认识。\n“二要压实责任。”\n"),
            (Findings{"punct.unbalanced@1:1", "punct.unbalanced@1:4"}));
}

TEST(TextStructure, AForwardingTitleNamesTwoKindsWithoutARepeatedWord) {
  EXPECT_EQ(summary("江州市人民政府办公室关于转发市生态环境局关于开展核查工作的通知的通知\n"), Findings{});
  EXPECT_EQ(summary("关于转发省政府办公厅转发省发展改革委关于加强管理的意见的通知的通知\n"), Findings{});
  EXPECT_EQ(summary("关于转发市政府关于同意设立保护区的批复的通知\n"), Findings{});
  EXPECT_EQ(summary("会议决定决定开展检查。\n"), Findings{"structure.repeated-word@1:5"});
}
