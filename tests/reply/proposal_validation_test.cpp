#include <gtest/gtest.h>

#include "pipeline/render/Renderer.h"
#include "pipeline/reply/ProposalValidation.h"

using namespace gongwen::reply;

namespace {

ProposalRecord goodRecord() {
  ProposalRecord r;
  r.row = 7;
  r.line = 9;
  r.fields = {"人大代表建议",
              "十七届五次会议",
              "126",
              "王志强",
              "《关于加强城区餐饮油烟污染治理的建议》",
              "主办（协办：市城市管理局、市水利局）",
              "业务股",
              "2026-06-10",
              "重要",
              "B",
              "周晓燕",
              "86003456",
              "  \n一、开展专项整治\n共检查餐饮单位1265家。\n"};
  return r;
}

ValidatedRow validate(const ProposalRecord& r) {
  return validateProposal(r, gongwen::render::fontLibraryFor(""));
}

// The one error of a record spoiled in `column`.
RowError onlyError(Column column, const std::string& value) {
  ProposalRecord r = goodRecord();
  r.fields[static_cast<std::size_t>(column)] = value;
  const ValidatedRow v = validate(r);
  EXPECT_FALSE(v.proposal);
  EXPECT_EQ(v.errors.size(), 1u) << value;
  return v.errors.empty() ? RowError{} : v.errors.front();
}

}  // namespace

TEST(ProposalValidation, ReadsEveryColumnOfAGoodRow) {
  const ValidatedRow v = validate(goodRecord());
  ASSERT_TRUE(v.proposal) << (v.errors.empty() ? "" : v.errors.front().message);
  const Proposal& p = *v.proposal;
  EXPECT_EQ(p.kind, ProposalKind::Deputy);
  EXPECT_EQ(p.term, 17);
  EXPECT_EQ(p.meeting, 5);
  EXPECT_EQ(p.title, "关于加强城区餐饮油烟污染治理的建议");  // the 《》 are the letter's to add
  EXPECT_EQ(p.role, UnitRole::Lead);
  EXPECT_EQ(p.otherUnits, (std::vector<std::string>{"市城市管理局", "市水利局"}));
  EXPECT_TRUE(p.important);
  EXPECT_EQ(p.outcome, 'B');
  EXPECT_EQ(p.received.iso(), "2026-06-10");
  EXPECT_EQ(p.answer, "一、开展专项整治\n共检查餐饮单位1265家。");
  EXPECT_EQ(p.label(), "人大代表建议第126号");
}

TEST(ProposalValidation, EachWrongColumnIsOneErrorNamingRowLineAndColumn) {
  const struct {
    Column column;
    const char* value;
    const char* code;
  } cases[] = {
      {Column::Kind, "人大建议", "proposal.kind"},
      {Column::Session, "十七届", "proposal.session"},
      {Column::Session, "17届5次会议", "proposal.session"},
      {Column::Number, "0126", "proposal.number"},
      {Column::Number, "第126号", "proposal.number"},
      {Column::Name, "", "proposal.empty"},
      {Column::Name, "王\n志强", "proposal.line-break"},
      {Column::Units, "协办", "proposal.units"},  // an assisting bureau names the lead unit
      {Column::Units, "协办（主办：市水利局、市城市管理局）", "proposal.units"},
      {Column::Units, "主办（协办：）", "proposal.units"},
      {Column::Received, "2026-6-10", "proposal.date"},
      {Column::Importance, "特别重要", "proposal.importance"},
      {Column::Outcome, "a", "proposal.outcome"},
      {Column::Phone, "八六〇〇", "proposal.phone"},
      {Column::Answer, "\n \n", "proposal.answer-missing"},
      {Column::Answer, "一、\xF0\x9F\x98\x80", "proposal.missing-glyph"},
      {Column::Title, "\xFF\xFE", "proposal.utf8"},
  };
  for (const auto& c : cases) {
    const RowError e = onlyError(c.column, c.value);
    EXPECT_EQ(e.code, c.code) << c.value;
    EXPECT_EQ(e.row, 7);
    EXPECT_EQ(e.line, 9);
    ASSERT_TRUE(e.column) << c.value;
    EXPECT_EQ(*e.column, c.column) << c.value;
  }
}

TEST(ProposalValidation, ANameMayFillTheSalutationLineAndNoMore) {
  EXPECT_EQ(maxNameLength(), 25u);  // 28 字 a line less 代表：
  std::string name;
  for (int i = 0; i < 25; ++i) name += "王";
  ProposalRecord r = goodRecord();
  r.fields[static_cast<std::size_t>(Column::Name)] = name;
  EXPECT_TRUE(validate(r).proposal);
  EXPECT_EQ(onlyError(Column::Name, name + "王").code, "proposal.name-too-long");
}

TEST(ProposalValidation, ARowWithTooFewFieldsIsOneErrorWithoutAColumn) {
  ProposalRecord r = goodRecord();
  r.fieldCount = 12;
  const ValidatedRow v = validate(r);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors.front().code, "proposal.columns");
  EXPECT_FALSE(v.errors.front().column);
}
