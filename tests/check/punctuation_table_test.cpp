// The one punctuation table the checker and the layout share (pipeline/model/PunctuationTable):
// what the checker pairs and what the layout keeps off a line's start or end agree mark by mark.

#include <gtest/gtest.h>

#include "pipeline/model/PunctuationTable.h"

using namespace gongwen::model;

TEST(PunctuationTable, EveryCheckedPairOpensWhereTheLayoutAvoidsALineEndAndClosesWhereItAvoidsAStart) {
  const std::u32string openers = U"“‘（〔【［《〈";
  const std::u32string closers = U"”’）〕】］》〉";
  for (size_t i = 0; i < openers.size(); ++i) {
    const PunctuationMark* open = pairOpenedBy(openers[i]);
    ASSERT_NE(open, nullptr) << i;
    EXPECT_EQ(pairClosedBy(closers[i]), open) << i;
    EXPECT_EQ(open->partner, closers[i]);
    EXPECT_TRUE(hasClass(openers[i], kNoLineEnd));
    EXPECT_TRUE(hasClass(closers[i], kNoLineStart));
    EXPECT_EQ(pairOpenedBy(closers[i]), nullptr);
    EXPECT_EQ(pairClosedBy(openers[i]), nullptr);
  }
}

TEST(PunctuationTable, HalfWidthMarksMapToTheirFullWidthForms) {
  EXPECT_EQ(halfwidthMark(U',')->fullOpen, U'，');
  EXPECT_EQ(halfwidthMark(U'"')->fullOpen, U'“');
  EXPECT_EQ(halfwidthMark(U'"')->fullClose, U'”');
  EXPECT_EQ(halfwidthMark(U'['), nullptr);  // kept: GB/T and code references use it
  EXPECT_EQ(halfwidthMark(U'，'), nullptr);
  EXPECT_TRUE(hasClass(U'(', kNoLineEnd));
}

TEST(PunctuationTable, PointMarksAndTheOnesThatMayRepeat) {
  for (const char32_t c : std::u32string(U"。？！，、；：")) EXPECT_TRUE(isPointMark(c));
  EXPECT_FALSE(isPointMark(U'“'));
  EXPECT_TRUE(mayRepeat(U'？'));
  EXPECT_TRUE(mayRepeat(U'！'));
  EXPECT_FALSE(mayRepeat(U'，'));
  EXPECT_EQ(punctuationClass(U'汉'), 0);
}
