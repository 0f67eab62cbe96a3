// The letters' date is the bureau's day, and a proposal the bureau only assists on (协办) gets the bureau's
// opinion to the lead unit, not a reply to the deputy: addressed to the lead unit, saying that the bureau
// assists, without the copies a reply sends; the register marks the row 协办. Judged on the job written and
// by `gongwen check` and pdftotext, through the real binary.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/TestSupport.h"

using namespace gongwen::testing;

namespace {

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text of the element (the first one of that name), as libxml2 wrote it.
std::string elementText(const std::string& xml, const std::string& name) {
  const std::string open = "<" + name + ">";
  const auto from = xml.find(open);
  if (from == std::string::npos) return "";
  const auto to = xml.find("</" + name + ">", from);
  return xml.substr(from + open.size(), to - from - open.size());
}

class AssistingRow : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string csv = dir.file("proposals.csv");
    std::ofstream(csv, std::ios::binary)
        << "类别,届次,编号,姓名,标题,主办协办,承办股室,收到日期,重要程度,办理类别,联系人,联系电话,答复\n"
           "人大代表建议,十七届五次会议,126,王志强,关于加强城区餐饮油烟污染治理的建议,"
           "主办（协办：市城市管理局）,"
           "业务股,2026-06-10,一般,A,周晓燕,86003456,我局已开展专项整治。\n"
           "人大代表建议,十七届五次会议,140,陈立新,关于加快老旧小区雨污分流改造的建议,"
           "协办（主办：市住房和城乡建设局）,业务股,2026-06-12,一般,B,周晓燕,86003456,"
           "建议将雨污分流改造纳入老旧小区改造计划，我局负责排水水质监测。\n";
    const CommandResult r = run({gongwenBinary(), "reply", csv, "-o", dir.file("out"), "--issuer",
                                 "江州市生态环境局", "--date", "2026-07-20"},
                                {"SOURCE_DATE_EPOCH=1795000000"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    lead = fileText(dir.file("out/npc-17-5-126.xml"));
    assisting = fileText(dir.file("out/npc-17-5-140.xml"));
  }
  TempDir dir;
  std::string lead, assisting;
};

TEST_F(AssistingRow, TheOpinionGoesToTheLeadUnitNotToTheDeputy) {
  EXPECT_EQ(elementText(assisting, "mainRecipients"), "江州市住房和城乡建设局：");
  EXPECT_NE(elementText(assisting, "title").find("协办意见的函"), std::string::npos) << assisting;
  EXPECT_EQ(assisting.find("代表："), std::string::npos) << "no salutation to the deputy";
  EXPECT_NE(assisting.find("由你单位主办、我局协办"), std::string::npos) << assisting;
  EXPECT_NE(assisting.find("请在答复陈立新代表时一并研究采纳"), std::string::npos) << assisting;
  EXPECT_EQ(assisting.find("<copiesTo>"), std::string::npos) << "the lead unit sends the copies, not us";
  // The lead bureau's reply is unchanged: to the deputy, with its copies.
  EXPECT_EQ(elementText(lead, "mainRecipients"), "王志强代表：");
  EXPECT_NE(lead.find("<copiesTo>"), std::string::npos);
}

TEST_F(AssistingRow, TheOpinionPassesCheckAndTheRegisterMarksTheRow) {
  const CommandResult check = run({gongwenBinary(), "check", dir.file("out/npc-17-5-140.xml")});
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  const CommandResult text = run({"pdftotext", "-enc", "UTF-8", dir.file("out/register.pdf"), "-"});
  ASSERT_EQ(text.exitCode, 0) << text.err;
  const std::string flat = withoutWhitespace(text.out);
  // Only row 140 is marked (the register does not print the 主办协办 column itself); its cell wraps,
  // so the mark is counted rather than read next to the number.
  const std::string mark = "（协办）";
  const auto first = flat.find(mark);
  EXPECT_NE(first, std::string::npos) << flat;
  EXPECT_EQ(flat.find(mark, first + 1), std::string::npos) << "the lead row is not marked: " << flat;
}

// The letters' date is the bureau's day: 01:00 北京时间 on the 30th is still the 29th in UTC.
TEST(ReplyDate, WithoutDateTheLettersCarryTheBureausDayNotTheUtcOne) {
  TempDir dir;
  const std::string csv = dir.file("proposals.csv");
  std::ofstream(csv, std::ios::binary)
      << "类别,届次,编号,姓名,标题,主办协办,承办股室,收到日期,重要程度,办理类别,联系人,联系电话,答复\n"
         "人大代表建议,十七届五次会议,126,王志强,关于加强城区餐饮油烟污染治理的建议,主办,"
         "业务股,2026-10-10,一般,A,周晓燕,86003456,我局已开展专项整治。\n";
  const CommandResult r =
      run({gongwenBinary(), "reply", csv, "-o", dir.file("out"), "--issuer", "江州市生态环境局"},
          {"SOURCE_DATE_EPOCH=1795971600", "TZ=UTC"});  // 2026-11-29T17:00:00Z
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(elementText(fileText(dir.file("out/npc-17-5-126.xml")), "date"), "2026年11月30日");
}

}  // namespace
