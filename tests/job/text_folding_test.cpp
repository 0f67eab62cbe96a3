// How element text written over several indented lines becomes the text the clerk meant.

#include <gtest/gtest.h>

#include "pipeline/job/TextFolding.h"

using gongwen::job::foldText;

TEST(TextFolding, TrimsXmlWhitespaceAtBothEnds) {
  EXPECT_EQ(foldText("\n    江州市生态环境局\n  "), "江州市生态环境局");
  EXPECT_EQ(foldText("\t 通知 \r\n"), "通知");
  EXPECT_EQ(foldText("   \n  "), "");
  EXPECT_EQ(foldText(""), "");
}

TEST(TextFolding, RemovesLineBreaksBetweenChineseCharactersEntirely) {
  EXPECT_EQ(foldText("有效防范化解生态环境风险，\n      保障全市生态环境安全"),
            "有效防范化解生态环境风险，保障全市生态环境安全");
  EXPECT_EQ(foldText("生态\n  环境"), "生态环境");
  EXPECT_EQ(foldText("生态\r\n\t环境"), "生态环境");
}

TEST(TextFolding, RemovesLineBreaksBetweenChineseAndDigitsOrLatin) {
  EXPECT_EQ(foldText("于2026年\n   12月"), "于2026年12月");
  EXPECT_EQ(foldText("共计\n   386家"), "共计386家");
  EXPECT_EQ(foldText("细颗粒物（PM2.5\n  ）"), "细颗粒物（PM2.5）");
  EXPECT_EQ(foldText("“双随机、一公开”\n  监管"), "“双随机、一公开”监管");
}

TEST(TextFolding, KeepsOneSpaceBetweenLatinWordsOrDigits) {
  EXPECT_EQ(foldText("GB/T\n      9704-2012"), "GB/T 9704-2012");
  EXPECT_EQ(foldText("Environmental\n   Protection\n Law"), "Environmental Protection Law");
}

TEST(TextFolding, KeepsSpacesTypedWithoutALineBreak) {
  // The checker, not the loader, decides whether a typed space is wrong.
  EXPECT_EQ(foldText("2026 年"), "2026 年");
  EXPECT_EQ(foldText("生态  环境"), "生态  环境");
  EXPECT_EQ(foldText("江州　市"), "江州　市");  // U+3000 is not XML whitespace
}

TEST(TextFolding, LeavesTextWithoutBreaksUntouched) {
  const std::string text = "各区生态环境分局，局机关各处室：";
  EXPECT_EQ(foldText(text), text);
}
