#include <gtest/gtest.h>

#include "pipeline/reply/AnswerText.h"

using gongwen::model::BlockKind;
using gongwen::reply::answerBlocks;

TEST(AnswerText, BlankLinesSeparateParagraphsAndOrdinalLinesAreHeadings) {
  const auto blocks = answerBlocks(
      "一、开展专项整治\n"
      "共检查餐饮单位1265家，\n"
      "督促412家整改。\n"
      "\n"
      "（一）在线监控\r\n"
      "　　安装监控设备126套。\n"
      "   \n"
      "\n"
      "十二、其他\n"
      "感谢您的支持。");
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].kind, BlockKind::Heading1);
  EXPECT_EQ(blocks[0].text.value, "一、开展专项整治");
  EXPECT_EQ(blocks[1].kind, BlockKind::Paragraph);
  EXPECT_EQ(blocks[1].text.value, "共检查餐饮单位1265家，督促412家整改。");  // lines joined without a space
  EXPECT_EQ(blocks[2].kind, BlockKind::Heading2);
  EXPECT_EQ(blocks[2].text.value, "（一）在线监控");
  EXPECT_EQ(blocks[3].text.value, "安装监控设备126套。");  // the full-width indent is the layout's job
  EXPECT_EQ(blocks[4].kind, BlockKind::Heading1);
  EXPECT_EQ(blocks[5].text.value, "感谢您的支持。");
}

TEST(AnswerText, OnlyAChineseOrdinalMakesAHeading) {
  for (const char* paragraph :
       {"一般情况下、我局", "各、单位", "（注）说明", "（一说明", "1、数字序号", "、开头"}) {
    const auto blocks = answerBlocks(paragraph);
    ASSERT_EQ(blocks.size(), 1u) << paragraph;
    EXPECT_EQ(blocks[0].kind, BlockKind::Paragraph) << paragraph;
  }
  EXPECT_TRUE(answerBlocks("\n \n").empty());
}
