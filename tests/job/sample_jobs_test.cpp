// Every sample job loads against the real schemas and templates; spot checks of values, source
// lines and XPaths, so that the checker's and layout's positions point at the right place.

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/job/JobLoader.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;
using gongwen::testing::sampleJobs;
using gongwen::testing::sourcePath;

namespace {

model::Document sample(const std::string& name) { return job::loadJob(sourcePath("samples/jobs/" + name)); }

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void expectClean(const model::Text& text, const std::string& file) {
  if (text.empty()) return;
  EXPECT_EQ(text.where.file, file);
  EXPECT_GT(text.where.line, 1) << text.value;
  EXPECT_EQ(text.where.xpath.rfind("/job/", 0), 0u) << text.where.xpath;
  EXPECT_EQ(text.value.find_first_of(" \t\r\n"), std::string::npos)
      << text.where.describe() << ": " << text.value;
}

}  // namespace

TEST(SampleJobs, EveryTemplateHasAtLeastTwoSamples) {
  std::map<std::string, int> perTemplate;
  for (const auto& path : sampleJobs()) ++perTemplate[job::loadJob(path).tmpl.id];
  for (const char* id : {"notice", "request", "letter", "minutes", "report", "reply"}) {
    EXPECT_GE(perTemplate[id], 2) << id;
  }
}

TEST(SampleJobs, EveryTextIsTrimmedFoldedAndLocated) {
  const auto paths = sampleJobs();
  ASSERT_GE(paths.size(), 12u);
  for (const auto& path : paths) {
    SCOPED_TRACE(path);
    const model::Document doc = job::loadJob(path);
    EXPECT_EQ(doc.sourceFile, path);
    EXPECT_TRUE(endsWith(doc.title.value, doc.tmpl.kindName)) << doc.title.value;
    EXPECT_FALSE(doc.approvalChain.empty());
    EXPECT_FALSE(doc.issuers.empty());
    EXPECT_FALSE(doc.body.empty());
    for (const auto* t :
         {&doc.title, &doc.docNumber, &doc.mainRecipients, &doc.date, &doc.note, &doc.copiesTo, &doc.printer,
          &doc.printDate, &doc.copyNumber, &doc.urgency, &doc.handlingClass}) {
      expectClean(*t, path);
    }
    for (const auto& b : doc.body) expectClean(b.text, path);
    for (const auto& a : doc.attachments) {
      expectClean(a.title, path);
      for (const auto& b : a.blocks) expectClean(b.text, path);
    }
    for (const auto& s : doc.signatories) expectClean(s.name, path);
    EXPECT_EQ(doc.tmpl.signatureBlock, !doc.signatories.empty());
  }
}

TEST(SampleJobs, MultiPageNoticeHasAllHeadingLevelsAndAnAttachment) {
  const std::string path = sourcePath("samples/jobs/notice-risk-inspection.xml");
  const model::Document doc = job::loadJob(path);
  EXPECT_EQ(doc.tmpl.id, "notice");
  EXPECT_EQ(doc.tmpl.markSuffix, "文件");
  EXPECT_EQ(doc.tmpl.format, model::LayoutFormat::General);
  EXPECT_EQ(doc.approvalChain, "bureau-document");
  EXPECT_EQ(doc.docNumber.value, "江州环发〔2026〕12号");
  EXPECT_EQ(doc.docNumber.where.line, 5);
  EXPECT_EQ(doc.docNumber.where.xpath, "/job/docNumber");

  // p[1] is written over three indented lines: the breaks between CJK characters disappear.
  const model::Block& first = doc.body.at(0);
  EXPECT_EQ(first.kind, model::BlockKind::Paragraph);
  EXPECT_EQ(first.text.where.line, 9);
  EXPECT_EQ(first.text.where.xpath, "/job/body/p[1]");
  EXPECT_EQ(
      first.text.value,
      "为深入贯彻《中华人民共和国环境保护法》《突发环境事件应急管理办法》，有效防范化解生态环境风险，"
      "保障全市生态环境安全，市生态环境局决定于2026年12月至2027年6月在全市开展重点排污单位环境风险隐患排查"
      "整治工作。现将有关事项通知如下：");

  std::map<model::BlockKind, int> kinds;
  for (const auto& b : doc.body) ++kinds[b.kind];
  EXPECT_EQ(kinds[model::BlockKind::Heading1], 4);
  EXPECT_EQ(kinds[model::BlockKind::Heading2], 5);
  EXPECT_EQ(kinds[model::BlockKind::Heading3], 3);
  EXPECT_EQ(kinds[model::BlockKind::Heading4], 2);

  const model::Block& h4 = doc.body.at(12);
  EXPECT_EQ(h4.kind, model::BlockKind::Heading4);
  EXPECT_EQ(h4.text.value, "（1）应急预案");
  EXPECT_EQ(h4.text.where.line, 23);
  EXPECT_EQ(h4.text.where.xpath, "/job/body/h4[1]");
  EXPECT_EQ(h4.text.where.describe(), path + ":23 (/job/body/h4[1])");

  ASSERT_EQ(doc.attachments.size(), 1u);
  EXPECT_EQ(doc.attachments[0].title.value, "环境风险隐患排查重点内容");
  EXPECT_EQ(doc.attachments[0].title.where.xpath, "/job/attachment/title");
  EXPECT_EQ(doc.attachments[0].blocks.size(), 6u);
  EXPECT_EQ(doc.attachments[0].blocks[1].text.where.xpath, "/job/attachment/p[1]");
  EXPECT_EQ(model::attachmentNoteLine(doc, 0), "环境风险隐患排查重点内容");

  ASSERT_EQ(doc.signatories.size(), 1u);
  EXPECT_EQ(doc.signatories[0].seal.value, "administrative-seal");
  EXPECT_EQ(doc.signatories[0].seal.where.xpath, "/job/signatory/@seal");
  EXPECT_TRUE(doc.sealed());
  EXPECT_EQ(doc.date.value, "2026年11月27日");
  EXPECT_EQ(doc.copiesTo.value, "江州市人民政府办公室，江州市应急管理局。");
  EXPECT_EQ(doc.printer.value, "江州市生态环境局办公室");
  EXPECT_EQ(doc.printDate.value, "2026年11月27日");
  EXPECT_FALSE(doc.classification.has_value());
}

TEST(SampleJobs, ClassifiedNoticeCarriesCopyNumberClassificationAndUrgency) {
  const model::Document doc = sample("notice-classified-inspection.xml");
  EXPECT_EQ(doc.copyNumber.value, "000017");
  EXPECT_EQ(doc.copyNumber.where.line, 4);
  ASSERT_TRUE(doc.classification.has_value());
  EXPECT_EQ(doc.classification->level.value, "秘密");
  EXPECT_EQ(doc.classification->period.value, "1年");
  EXPECT_EQ(doc.classification->level.where.xpath, "/job/classification/@level");
  EXPECT_EQ(doc.classification->period.where.line, 5);
  EXPECT_EQ(model::classificationLine(*doc.classification), "秘密★1年");
  EXPECT_EQ(doc.urgency.value, "加急");
}

TEST(SampleJobs, JointNoticeHasTwoIssuersAndTwoSealedSignatories) {
  const model::Document doc = sample("notice-joint-work-style.xml");
  EXPECT_EQ(doc.approvalChain, "joint-document");
  ASSERT_EQ(doc.issuers.size(), 2u);
  EXPECT_EQ(doc.issuers[0].value, "中共江州市生态环境局党组");
  EXPECT_EQ(doc.issuers[1].value, "江州市生态环境局");
  EXPECT_EQ(doc.issuers[1].where.xpath, "/job/issuer[2]");
  ASSERT_EQ(doc.signatories.size(), 2u);
  EXPECT_EQ(doc.signatories[0].name.value, "中共江州市生态环境局党组");
  EXPECT_EQ(doc.signatories[0].seal.value, "party-seal");
  EXPECT_EQ(doc.signatories[1].seal.value, "administrative-seal");
  EXPECT_EQ(doc.signatories[1].name.where.xpath, "/job/signatory[2]");
}

TEST(SampleJobs, RequestHasSignerOneRecipientLongTitleAndTwoAttachments) {
  const model::Document doc = sample("request-special-funds.xml");
  EXPECT_EQ(doc.tmpl.direction, model::Direction::Up);
  EXPECT_TRUE(doc.tmpl.signerRequired);
  EXPECT_TRUE(doc.tmpl.singleMainRecipient);
  ASSERT_EQ(doc.signers.size(), 1u);
  EXPECT_EQ(doc.signers[0].value, "陈建国");
  EXPECT_EQ(doc.mainRecipients.value, "江州市人民政府：");
  EXPECT_GE(doc.title.value.size() / 3, 45u);  // three-byte CJK: a title of two or three 2号 lines
  ASSERT_EQ(doc.attachments.size(), 2u);
  EXPECT_EQ(doc.attachments[1].title.where.xpath, "/job/attachment[2]/title");
  EXPECT_EQ(model::attachmentNoteLine(doc, 1), "2. 2027年度集中式饮用水水源地规范化建设项目清单");
  EXPECT_EQ(doc.note.value, "（联系人：赵明，联系电话：86001234）");
}

TEST(SampleJobs, ProposalRepliesUseLetterFormat) {
  const model::Document ordinary = sample("letter-deputy-suggestion.xml");
  EXPECT_EQ(ordinary.tmpl.format, model::LayoutFormat::Letter);
  EXPECT_TRUE(ordinary.tmpl.markSuffix.empty());
  EXPECT_EQ(ordinary.approvalChain, "proposal-ordinary");
  EXPECT_EQ(ordinary.handlingClass.value, "A");
  EXPECT_EQ(ordinary.handlingClass.where.xpath, "/job/handlingClass");
  EXPECT_EQ(ordinary.mainRecipients.value, "王志强代表：");
  EXPECT_TRUE(ordinary.printer.empty());

  const model::Document important = sample("letter-cppcc-proposal.xml");
  EXPECT_EQ(important.approvalChain, "proposal-important");
  EXPECT_EQ(important.handlingClass.value, "B");
  EXPECT_EQ(important.mainRecipients.value, "刘芳委员：");
  EXPECT_EQ(important.note.value.rfind("（联系人：", 0), 0u);
}

TEST(SampleJobs, MinutesHaveAttendanceAndNoSignatureBlock) {
  const model::Document doc = sample("minutes-director-meeting.xml");
  EXPECT_EQ(doc.tmpl.format, model::LayoutFormat::Minutes);
  EXPECT_EQ(doc.tmpl.markSuffix, "纪要");
  EXPECT_FALSE(doc.tmpl.signatureBlock);
  EXPECT_FALSE(doc.tmpl.sealed);
  EXPECT_EQ(doc.approvalChain, "meeting-minutes");
  EXPECT_TRUE(doc.signatories.empty());
  EXPECT_FALSE(doc.sealed());
  ASSERT_EQ(doc.attendance.size(), 3u);
  EXPECT_EQ(doc.attendance[0].label.value, "出席");
  EXPECT_EQ(doc.attendance[1].label.value, "请假");
  EXPECT_EQ(doc.attendance[2].label.value, "列席");
  EXPECT_EQ(doc.attendance[1].names.value, "周国强（外出学习）");
  EXPECT_EQ(doc.attendance[2].names.where.xpath, "/job/attendance[3]");
  EXPECT_EQ(doc.attendance[0].label.where.xpath, "/job/attendance[1]/@label");

  const model::Document party = sample("minutes-party-group-meeting.xml");
  EXPECT_EQ(party.attendance.size(), 3u);
  EXPECT_EQ(party.issuers.at(0).value, "中共江州市生态环境局党组会议");
}
