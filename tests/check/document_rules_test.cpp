// Element-aware rules over documents built in the test: each element is judged by what it is.

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/check/Checker.h"

using namespace gongwen;

namespace {

model::Text text(const std::string& value, int line, const std::string& xpath) {
  return {value, {"job.xml", line, xpath}};
}

// A correctly written 通知 as the base every test changes one thing in.
model::Document notice() {
  model::Document d;
  d.sourceFile = "job.xml";
  d.tmpl.id = "notice";
  d.tmpl.kindName = "通知";
  d.issuers = {text("江州市生态环境局", 3, "/job/issuer")};
  d.docNumber = text("江州环发〔2026〕11号", 4, "/job/docNumber");
  d.title = text("江州市生态环境局关于开展核查工作的通知", 5, "/job/title");
  d.mainRecipients = text("各区生态环境分局：", 6, "/job/mainRecipients");
  d.body = {
      {model::BlockKind::Paragraph, text("现将有关事项通知如下：", 8, "/job/body/p[1]")},
      {model::BlockKind::Heading1, text("一、核查对象", 9, "/job/body/h1[1]")},
      {model::BlockKind::Paragraph, text("督察反馈的27项问题。", 10, "/job/body/p[2]")},
      {model::BlockKind::Heading1, text("二、时间安排", 11, "/job/body/h1[2]")},
      {model::BlockKind::Heading2, text("（一）准备阶段", 12, "/job/body/h2[1]")},
      {model::BlockKind::Paragraph, text("2026年12月1日开始。", 13, "/job/body/p[3]")},
  };
  model::Attachment a;
  a.title = text("核查工作方案", 15, "/job/attachment[1]/title");
  d.attachments = {a};
  d.signatories = {{text("江州市生态环境局", 17, "/job/signatory"), text("administrative-seal", 17, "")}};
  d.date = text("2026年11月27日", 18, "/job/date");
  d.note = text("（此件公开发布）", 19, "/job/note");
  d.copiesTo = text("江州市人民政府办公室。", 20, "/job/copiesTo");
  d.printer = text("江州市生态环境局办公室", 21, "/job/printer");
  d.printDate = text("2026年11月27日", 22, "/job/printDate");
  return d;
}

model::Document request() {
  model::Document d = notice();
  d.tmpl.id = "request";
  d.tmpl.kindName = "请示";
  d.tmpl.signerRequired = true;
  d.tmpl.singleMainRecipient = true;
  d.title.value = "江州市生态环境局关于申请专项资金的请示";
  d.mainRecipients.value = "江州市人民政府：";
  d.signers = {text("陈建国", 7, "/job/signer")};
  return d;
}

// "rule@line:column" for every finding.
std::vector<std::string> summary(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& f : check::checkDocument(d)) {
    out.push_back(f.rule + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
  }
  return out;
}

using Findings = std::vector<std::string>;

}  // namespace

TEST(DocumentRules, CorrectNoticeAndRequestHaveNoFindings) {
  EXPECT_EQ(summary(notice()), Findings{});
  EXPECT_EQ(summary(request()), Findings{});
}

TEST(DocumentRules, DocNumberForms) {
  auto d = notice();
  d.docNumber.value = "江州环发[2026]第011号";
  EXPECT_EQ(summary(d), (Findings{"docnum.brackets@4:5", "docnum.di@4:11", "docnum.leading-zero@4:12"}));
  d.docNumber.value = "江州环发〔2026〕11";
  const auto findings = check::checkDocument(d);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "docnum.form");
  EXPECT_EQ(findings[0].fix, "11号");
  d.docNumber.value = "江州环发2026年11号";
  EXPECT_EQ(summary(d), Findings{"docnum.brackets@4:5"});
  d.docNumber.value = "江州环发二〇二六年十一号";
  EXPECT_EQ(summary(d), Findings{"docnum.form@4:1"});
  d.docNumber.value = "江州环发〔26〕11号";
  EXPECT_EQ(summary(d), Findings{"docnum.year@4:6"});
}

TEST(DocumentRules, DatesInDateElements) {
  auto d = notice();
  d.date.value = "二〇二六年十一月二十七日";
  d.printDate.value = "2026年11月05日";
  EXPECT_EQ(summary(d), (Findings{"date.chinese-numerals@18:1", "date.leading-zero@22:9"}));
  const auto f = check::checkDocument(d);
  EXPECT_EQ(f[0].fix, "2026年11月27日");
  d.date.value = "26年11月27日";
  d.printDate.value = "2026年2月29日";
  EXPECT_EQ(summary(d), (Findings{"date.form@18:1", "date.invalid@22:1"}));
}

TEST(DocumentRules, RecipientsCopiesAttachmentsNote) {
  auto d = notice();
  d.mainRecipients.value = "各区生态环境分局";
  d.copiesTo.value = "江州市人民政府办公室，";
  d.attachments[0].title.value = "核查工作方案。";
  d.note.value = "此件公开发布";
  EXPECT_EQ(summary(d), (Findings{"structure.main-recipient-colon@6:9", "structure.attachment-punct@15:7",
                                  "structure.note-brackets@19:1", "structure.copies-to-period@20:11"}));
  const auto f = check::checkDocument(d);
  EXPECT_EQ(f[0].fix, "：");
  EXPECT_EQ(f[2].fix, "（此件公开发布）");
  EXPECT_EQ(f[3].fix, "。");
}

TEST(DocumentRules, ClassificationCopyNumberUrgency) {
  auto d = notice();
  d.classification = model::Classification{text("秘密", 2, "/job/classification/@level"),
                                           text("15年", 2, "/job/classification/@period")};
  d.urgency = text("特提", 3, "/job/urgency");
  EXPECT_EQ(summary(d),
            (Findings{"policy.classification-period@2:1", "policy.copy-number@2:1", "policy.urgency@3:1"}));
  d.copyNumber = text("17", 1, "/job/copyNumber");
  d.classification->period.value = "10年";
  d.urgency.value = "加急";
  const auto f = check::checkDocument(d);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "policy.copy-number");
  EXPECT_EQ(f[0].fix, "000017");
  d.classification->level.value = "内部";
  d.copyNumber.value = "000017";
  EXPECT_EQ(summary(d), Findings{"policy.classification-level@2:1"});
}

TEST(DocumentRules, TitleKindAndRequestRules) {
  auto d = request();
  d.title.value = "江州市生态环境局关于申请专项资金的报告";
  d.mainRecipients.value = "江州市人民政府、江州市财政局：";
  d.signers.clear();
  EXPECT_EQ(summary(d), (Findings{"policy.request-signer@4:1", "structure.title-kind@5:1",
                                  "policy.request-recipient@6:1"}));
}

TEST(DocumentRules, HeadingsOrdinalsAndLevels) {
  auto d = notice();
  d.body[1].text.value = "一、核查对象。";
  d.body[3].text.value = "三、时间安排";
  d.body[4].text.value = "1.准备阶段";
  EXPECT_EQ(summary(d),
            (Findings{"structure.heading-period@9:7", "ordinal.sequence@11:1", "ordinal.level@12:1"}));
  d = notice();
  d.body[4].text.value = "（一）、准备阶段";
  const auto f = check::checkDocument(d);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "ordinal.form");
  EXPECT_EQ(f[0].fix, "（一）");
  EXPECT_EQ(f[0].element, "/job/body/h2[1]");
}

TEST(DocumentRules, RunningTextRulesApplyToEveryTextElement) {
  auto d = notice();
  d.title.value = "江州市生态环境局关于开展核查工作的通知.";
  d.body[2].text.value = "督察反馈的27项问题,请落实.";
  d.signatories[0].name.value = "江州市 生态环境局";
  EXPECT_EQ(summary(d), (Findings{"structure.heading-period@5:20", "punct.halfwidth@10:11",
                                  "punct.halfwidth@10:15", "punct.space@17:4"}));
}

TEST(DocumentRules, HasErrorsIgnoresWarnings) {
  auto d = notice();
  d.body[2].text.value = "会议决定决定开展核查。";
  const auto warnings = check::checkDocument(d);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].severity, check::Severity::Warning);
  EXPECT_FALSE(check::hasErrors(warnings));
  d.body[2].text.value = "会议决定,开展核查。";
  EXPECT_TRUE(check::hasErrors(check::checkDocument(d)));
}

TEST(DocumentRules, AQuotationMayRunOverBodyParagraphsButNotPastAnElement) {
  auto d = notice();
  d.body[0].text.value = "会议强调：“一要提高认识。";
  d.body.insert(d.body.begin() + 1,
                {model::BlockKind::Paragraph, text("“二要压实责任。”", 9, "/job/body/p[2]")});
  EXPECT_EQ(summary(d), Findings{});
  d.body[1].text.value = "二要压实责任。";
  EXPECT_EQ(summary(d), Findings{"punct.unbalanced@8:6"});
  d = notice();
  d.note.value = "（此件“公开发布）";
  EXPECT_EQ(summary(d), Findings{"punct.unbalanced@19:4"});
}

TEST(DocumentRules, AForwardingTitleIsNoRepeatedWord) {
  auto d = notice();
  d.title.value = "江州市生态环境局关于转发省生态环境厅关于开展核查工作的通知的通知";
  EXPECT_EQ(summary(d), Findings{});
}

namespace {

// A 令 (命令格式, GB/T 9704 10.2): a 令号 in place of the 发文字号, the 签发人's 职务 with his 签名章.
model::Document decree() {
  model::Document d = notice();
  d.tmpl.id = "decree";
  d.tmpl.kindName = "令";
  d.tmpl.format = model::LayoutFormat::Decree;
  d.docNumber = text("第3号", 4, "/job/docNumber");
  d.title.value = "江州市生态环境局关于公布《江州市建设项目环境影响评价文件审批程序规定》的令";
  d.mainRecipients = {};
  d.attachments.clear();
  d.signatories = {
      {text("局长", 17, "/job/signatory"), text("juzhang-signature", 17, "/job/signatory/@seal")}};
  return d;
}

}  // namespace

TEST(DocumentRules, DecreeNeedsItsNumberAndTheSignersTitleWithHisSignatureSeal) {
  EXPECT_EQ(summary(decree()), Findings{});
  auto d = decree();
  d.docNumber = {};
  EXPECT_EQ(summary(d), Findings{"decree.number-missing@3:1"});
  d = decree();
  d.docNumber.value = "江州环令〔2026〕3号";  // a 发文字号 where the 令号 belongs
  EXPECT_EQ(summary(d), Findings{"decree.number@4:1"});
  d.docNumber.value = "第03号";
  EXPECT_EQ(summary(d), Findings{"decree.number@4:1"});
  d.docNumber.value = "第三号";
  EXPECT_EQ(summary(d), Findings{"decree.number@4:1"});
  d = decree();
  d.signatories.clear();
  EXPECT_EQ(summary(d), Findings{"decree.signer-missing@3:1"});
  d = decree();
  d.signatories.front().seal = {};
  EXPECT_EQ(summary(d), Findings{"decree.signature-seal@17:1"});
  // Other formats keep the 发文字号's rules: 第3号 is no 发文字号 there.
  auto n = notice();
  n.docNumber.value = "第3号";
  EXPECT_NE(summary(n), Findings{});
}
