#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "pipeline/core/Error.h"
#include "pipeline/model/Amount.h"

using gongwen::Error;
using gongwen::ExitCode;
using gongwen::model::Amount;
using gongwen::model::capitalAmount;

namespace {

struct CapitalCase {
  const char* figures;
  const char* capitals;
};

// Written out by hand from 会计基础工作规范 第五十二条 (整 after 元 or 角 only; one 零 for each gap of
// zeros between digits; none between 元 and a non-zero 角) and the bank examples of the 规范's
// common reading (1,409.50, 6,007.14, 16,409.02, 1,680.32).
const CapitalCase kCapitals[] = {
    {"0.00", "零元整"},
    {"0.01", "壹分"},
    {"0.05", "伍分"},
    {"0.10", "壹角整"},
    {"0.50", "伍角整"},
    {"0.55", "伍角伍分"},
    {"1.00", "壹元整"},
    {"1.01", "壹元零壹分"},
    {"1.10", "壹元壹角整"},
    {"1.11", "壹元壹角壹分"},
    {"10.00", "壹拾元整"},
    {"10.05", "壹拾元零伍分"},
    {"11.00", "壹拾壹元整"},
    {"15.50", "壹拾伍元伍角整"},
    {"20.00", "贰拾元整"},
    {"21.30", "贰拾壹元叁角整"},
    {"100.00", "壹佰元整"},
    {"100.10", "壹佰元壹角整"},
    {"101.00", "壹佰零壹元整"},
    {"110.00", "壹佰壹拾元整"},
    {"1,000.00", "壹仟元整"},
    {"1,001.10", "壹仟零壹元壹角整"},
    {"1,010.00", "壹仟零壹拾元整"},
    {"1,100.00", "壹仟壹佰元整"},
    {"1,234.56", "壹仟贰佰叁拾肆元伍角陆分"},
    {"1,409.50", "壹仟肆佰零玖元伍角整"},
    {"1,680.32", "壹仟陆佰捌拾元叁角贰分"},
    {"6,007.14", "陆仟零柒元壹角肆分"},
    {"10,000.00", "壹万元整"},
    {"10,001.00", "壹万零壹元整"},
    {"10,010.00", "壹万零壹拾元整"},
    {"10,100.00", "壹万零壹佰元整"},
    {"11,000.00", "壹万壹仟元整"},
    {"16,409.02", "壹万陆仟肆佰零玖元零贰分"},
    {"100,000.00", "壹拾万元整"},
    {"100,010.00", "壹拾万零壹拾元整"},
    {"105,000.00", "壹拾万伍仟元整"},
    {"107,000.53", "壹拾万柒仟元伍角叁分"},
    {"110,000.00", "壹拾壹万元整"},
    {"325,000.50", "叁拾贰万伍仟元伍角整"},
    {"1,000,000.00", "壹佰万元整"},
    {"1,000,100.00", "壹佰万零壹佰元整"},
    {"1,010,000.00", "壹佰零壹万元整"},
    {"10,000,000.00", "壹仟万元整"},
    {"10,000,010.00", "壹仟万零壹拾元整"},
    {"60,036,000.00", "陆仟零叁万陆仟元整"},
    {"100,000,000.00", "壹亿元整"},
    {"100,000,001.00", "壹亿零壹元整"},
    {"100,010,000.00", "壹亿零壹万元整"},
    {"100,100,000.00", "壹亿零壹拾万元整"},
    {"101,000,000.01", "壹亿零壹佰万元零壹分"},
    {"101,000,100.00", "壹亿零壹佰万零壹佰元整"},
    {"110,000,000.00", "壹亿壹仟万元整"},
    {"999,999,999.99", "玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
    {"1,000,000,000.00", "壹拾亿元整"},
    {"1,100,000,000.00", "壹拾壹亿元整"},
    {"2,001,000,000.00", "贰拾亿零壹佰万元整"},
    {"100,000,000,000.00", "壹仟亿元整"},
    {"999,999,999,999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
};

Error parseError(const char* text) {
  try {
    Amount::parse(text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "\"" << text << "\" was accepted";
  return Error(ExitCode::Ok, "", "");
}

}  // namespace

TEST(CapitalAmount, FollowsTheAccountingRulesForEveryTabledAmount) {
  static_assert(sizeof kCapitals / sizeof kCapitals[0] >= 40, "the issue asks for at least 40 amounts");
  for (const CapitalCase& c : kCapitals) {
    const Amount amount = Amount::parse(c.figures);
    EXPECT_EQ(capitalAmount(amount), c.capitals) << c.figures;
    EXPECT_EQ(amount.figures(), c.figures) << "figures round trip";
  }
}

TEST(AmountParse, ReadsFiguresExactlyWithOrWithoutSeparatorsAndDecimals) {
  EXPECT_EQ(Amount::parse("1,001.10").fen(), 100110);
  EXPECT_EQ(Amount::parse("1001.1").fen(), 100110);
  EXPECT_EQ(Amount::parse("1001").fen(), 100100);
  EXPECT_EQ(Amount::parse("0.05").fen(), 5);
  EXPECT_EQ(Amount::parse("0").fen(), 0);
  // 0.1 + 0.2 and 1.15 are the classic binary floating point pitfalls; decimals stay exact.
  EXPECT_EQ(Amount::parse("0.1") + Amount::parse("0.2"), Amount::parse("0.3"));
  EXPECT_EQ(Amount::parse("1.15").fen(), 115);
  EXPECT_EQ(Amount::parse("999,999,999,999.99").fen(), 99'999'999'999'999);
}

TEST(AmountParse, RefusesWhatIsNotAnExactNonNegativeAmount) {
  for (const char* bad : {"",
                          "-1",
                          "-0.05",
                          "1.001",
                          "0.005",
                          "1.",
                          ".5",
                          "abc",
                          "1,00",
                          "1,00,1",
                          "1001,000",
                          ",100",
                          "1 000",
                          "1e3",
                          "+1",
                          "01",
                          "1,0001",
                          "１００",
                          "1000000000000",
                          "1,000,000,000,000.00",
                          "99999999999999999999999",
                          "NaN",
                          "1.5.0",
                          "12,34.5"}) {
    const Error e = parseError(bad);
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid) << bad;
    EXPECT_EQ(e.code(), "amount.invalid") << bad;
    EXPECT_NE(std::string(e.what()).find("\"" + std::string(bad) + "\""), std::string::npos) << e.what();
  }
  EXPECT_NE(std::string(parseError("-3").what()).find("negative"), std::string::npos);
  EXPECT_NE(std::string(parseError("1.234").what()).find("two decimals"), std::string::npos);
}

TEST(AmountArithmetic, AddsAndMultipliesExactlyAndRefusesOverflow) {
  EXPECT_EQ((Amount::parse("12.34") * 3).figures(), "37.02");
  EXPECT_EQ((Amount::parse("0.01") * 0).fen(), 0);
  EXPECT_EQ((Amount::parse("1,000.50") + Amount::parse("0.50")).figures(), "1,001.00");
  const Amount nearlyAll = Amount::parse("999,999,999,999.99");
  for (auto overflowing :
       {+[](Amount a) { return a + Amount::parse("0.01"); }, +[](Amount a) { return a * 2; },
        +[](Amount) { return Amount::parse("500,000,000,000") * 2; },
        +[](Amount) { return Amount::parse("0.01") * INT64_MAX; }}) {
    try {
      overflowing(nearlyAll);
      ADD_FAILURE() << "overflow not detected";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "amount.overflow");
      EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    }
  }
  try {
    (void)(Amount::parse("1") * -1);
    ADD_FAILURE() << "negative quantity accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "amount.invalid");
  }
}
