// `gongwen reply` end to end, through the real binary, judged by independent tools (qpdf, pdffonts,
// pdftotext, poppler) and by `gongwen check` on the jobs it wrote.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/core/AtomicFile.h"
#include "tests/reply/GeneratedProposals.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

const std::vector<std::string> kFixedTime = {"SOURCE_DATE_EPOCH=1795000000"};

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

CommandResult reply(const std::string& input, const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {gongwenBinary(),    "reply",  input,       "-o", out, "--issuer",
                                   "江州市生态环境局", "--date", "2026-11-29"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run(argv, kFixedTime);
}

std::vector<std::string> filesIn(const std::string& dir, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == extension) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The numbers in the register's first column (序号), page by page, read back by poppler: the
// characters whose left edge lies inside that column, grouped into lines.
std::vector<int> registerRowNumbers(const std::string& pdf) {
  PdfInspect inspect(pdf);
  const double tableLeft = 36 * kPtPerMm, firstColumnRight = tableLeft + 38;
  std::vector<int> numbers;
  for (int page = 0; page < inspect.pages(); ++page) {
    std::map<long, std::string> lines;  // by rounded top
    for (const CharBox& c : inspect.chars(page)) {
      // From the table's left edge, so that the summary below the table (共200件…) is not read as a number.
      if (c.left >= tableLeft - 1 && c.right < firstColumnRight) lines[std::lround(c.top)] += c.text;
    }
    for (const auto& [top, text] : lines) {
      if (!text.empty() &&
          std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        numbers.push_back(std::stoi(text));
      }
    }
  }
  return numbers;
}

class ReplyTwoHundredRows : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    write(dir_->file("proposals.csv"), generatedProposalsCsv(200, true));
    result_ = new CommandResult(reply(dir_->file("proposals.csv"), dir_->file("out"), {"--format", "json"}));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete dir_;
  }
  static std::string out() { return dir_->file("out"); }

  static TempDir* dir_;
  static CommandResult* result_;
};
TempDir* ReplyTwoHundredRows::dir_ = nullptr;
CommandResult* ReplyTwoHundredRows::result_ = nullptr;

}  // namespace

TEST_F(ReplyTwoHundredRows, TenBadRowsGiveTenRowErrorsAndTheOther190Letters) {
  EXPECT_EQ(result_->exitCode, 1) << result_->err;
  const auto json = nlohmann::json::parse(result_->out);
  EXPECT_EQ(json["rows"], 200);
  EXPECT_EQ(json["letters"].size(), 190u);
  ASSERT_EQ(json["errors"].size(), 10u) << json["errors"].dump(1);
  for (std::size_t i = 0; i < spoiledRows().size(); ++i) {
    const SpoiledRow& expected = spoiledRows()[i];
    const auto& error = json["errors"][i];
    EXPECT_EQ(error["row"], expected.index + 2) << error.dump();
    EXPECT_EQ(error["column"], expected.column) << error.dump();
    EXPECT_EQ(error["code"], expected.code) << error.dump();
    EXPECT_FALSE(error["message"].get<std::string>().empty());
  }
  EXPECT_EQ(json["answered"], 190);
  EXPECT_EQ(json["unanswered"], 1);
  EXPECT_EQ(json["invalid"], 9);
  // Half the received dates (01-31, 02-28, 06-30, 08-31) are due before 2026-11-29; 09-29 is due on
  // the day itself and is not overdue yet.
  EXPECT_EQ(json["overdue"], 100);
  EXPECT_EQ(filesIn(out(), ".pdf").size(), 191u);  // 190 letters and the register
  EXPECT_EQ(filesIn(out(), ".xml").size(), 190u);
  for (const auto& letter : json["letters"]) {
    EXPECT_TRUE(fs::exists(letter["pdf"].get<std::string>())) << letter.dump();
    EXPECT_TRUE(fs::exists(letter["job"].get<std::string>())) << letter.dump();
  }
}

TEST_F(ReplyTwoHundredRows, TheRegisterListsEveryRowTheGoodAndTheBad) {
  const std::string registerPdf = out() + "/register.pdf";
  std::vector<int> numbers = registerRowNumbers(registerPdf);
  std::vector<int> expected(200);
  for (int i = 0; i < 200; ++i) expected[i] = i + 2;
  std::string listed;
  for (int n : numbers) listed += std::to_string(n) + " ";
  EXPECT_EQ(numbers, expected) << listed;
  PdfInspect inspect(registerPdf);
  const auto [width, height] = inspect.pageSize(0);
  EXPECT_GT(width, height) << "landscape A4";
  const auto text = run({"pdftotext", "-enc", "UTF-8", registerPdf, "-"});
  EXPECT_NE(withoutWhitespace(text.out).find("共200件：已答复190件，未答复1件，有误9件"), std::string::npos)
      << text.out;
  EXPECT_EQ(run({"qpdf", "--check", registerPdf}).exitCode, 0);
}

TEST_F(ReplyTwoHundredRows, EveryJobWrittenPassesCheckWithoutAnError) {
  const auto r = run({gongwenBinary(), "check", out()});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("error["), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("error["), std::string::npos) << r.err;
}

TEST_F(ReplyTwoHundredRows, ALetterIsAProperPdfWithTheRowsText) {
  const std::string pdf = out() + "/npc-17-5-100.pdf";  // the first row: 人大代表建议, 重要, class A
  const auto qpdf = run({"qpdf", "--check", pdf});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
  const auto fonts = run({"pdffonts", pdf});
  ASSERT_EQ(fonts.exitCode, 0);
  std::istringstream lines(fonts.out);
  std::string line;
  int faces = 0;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2 || line.empty()) continue;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << "embedded, subset, ToUnicode: " << line;
    ++faces;
  }
  EXPECT_GE(faces, 3);
  const std::string text = withoutWhitespace(run({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out);
  for (const char* expected :
       {"江州市生态环境局关于对市十七届人大五次会议第100号建议答复的函", "王志强代表：",
        "您在市十七届人大五次会议期间提出的第100号建议《关于加强餐饮油烟污染治理的建议》收悉。该建议由我局主"
        "办。",
        "一、工作进展", "我局对餐饮油烟污染治理开展了专项检查，共检查单位30家，督促整改问题10个。",
        "（一）“餐饮油烟污染治理”专项行动", "（联系人：周晓燕，联系电话：0571-86003456）",
        "抄送：江州市人大常委会代表工作委员会，江州市人民政府办公室。", "2026年11月29日"}) {
    EXPECT_NE(text.find(withoutWhitespace(expected)), std::string::npos) << expected << "\n" << text;
  }
  const std::string job = gongwen::readFile(out() + "/npc-17-5-100.xml");
  EXPECT_NE(job.find("approvalChain=\"proposal-important\""), std::string::npos);
  EXPECT_NE(job.find("<handlingClass>A</handlingClass>"), std::string::npos);
  EXPECT_NE(gongwen::readFile(out() + "/cppcc-14-5-101.xml").find("approvalChain=\"proposal-ordinary\""),
            std::string::npos);
}

TEST(ReplyCommand, TextReportNamesFileLineRowAndColumn) {
  TempDir dir;
  write(dir.file("p.csv"), generatedProposalsCsv(30, true));
  const auto r = reply(dir.file("p.csv"), dir.file("out"));
  EXPECT_EQ(r.exitCode, 1);
  // Row 23 (data index 21) had its 类别 spoiled. Each answer holds 7 line breaks, so a record takes 8
  // lines, except row 5's (index 3), whose blank answer holds one: 2 + 21 × 8 - 6 = line 164.
  EXPECT_NE(r.out.find("p.csv:164: row 23, 类别: error[proposal.kind]: \"市民来信\" is neither"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_NE(r.out.find("p.csv:26: row 5, 答复: error[proposal.answer-missing]"), std::string::npos) << r.out;
}

TEST(ReplyCommand, EmptyLinesAreNoRowsButStillCountedAsRows) {
  TempDir dir;
  std::string csv = generatedProposalsCsv(2, false);
  const std::size_t secondRow = csv.find("\r\n政协委员提案") + 2;
  csv.insert(secondRow, "\r\n");
  write(dir.file("p.csv"), csv + "\r\n\r\n");
  const auto r = reply(dir.file("p.csv"), dir.file("out"), {"--format", "json"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["rows"], 2);
  ASSERT_EQ(json["letters"].size(), 2u);
  EXPECT_EQ(json["letters"][1]["row"], 4);  // the empty line was row 3
}

TEST(ReplyCommand, AWrongHeaderIsOneErrorLineAndExit3) {
  TempDir dir;
  std::string csv = generatedProposalsCsv(3, false);
  csv.replace(csv.find("联系电话"), std::string("联系电话").size(), "电话");
  write(dir.file("p.csv"), csv);
  const auto r = reply(dir.file("p.csv"), dir.file("out"));
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("error[proposals.header]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("p.csv:1:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("out/register.pdf")));
}

TEST(ReplyCommand, AnUnclosedQuoteIsOneErrorLineAndExit3) {
  TempDir dir;
  write(dir.file("p.csv"), generatedProposalsCsv(2, false) + "人大代表建议,\"十七届五次会议\n");
  const auto r = reply(dir.file("p.csv"), dir.file("out"));
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("error[csv.syntax]"), std::string::npos) << r.err;
}

TEST(ReplyCommand, AllGoodRowsExitZeroAndTheSampleRegisterAnswersEveryRow) {
  TempDir dir;
  const auto r = reply(sourcePath("samples/proposals.csv"), dir.file("out"), {"--format", "json"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_GE(json["rows"], 12);
  EXPECT_EQ(json["letters"].size(), json["rows"].get<std::size_t>());
  std::set<std::string> kinds, classes, chains;
  for (const std::string& job : filesIn(dir.file("out"), ".xml")) {
    const std::string text = gongwen::readFile(job);
    for (const char* c : {"A", "B", "C"}) {
      if (text.find(std::string("<handlingClass>") + c + "<") != std::string::npos) classes.insert(c);
    }
    for (const char* k : {"代表：", "委员："}) {
      if (text.find(k) != std::string::npos) kinds.insert(k);
    }
    for (const char* ch : {"proposal-ordinary", "proposal-important"}) {
      if (text.find(ch) != std::string::npos) chains.insert(ch);
    }
  }
  EXPECT_EQ(classes.size(), 3u);
  EXPECT_EQ(kinds.size(), 2u);
  EXPECT_EQ(chains.size(), 2u);
}

TEST(ReplyCommand, TheXmlRegisterGivesTheSameLetters) {
  TempDir dir;
  write(
      dir.file("p.xml"),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<proposals>\n  <proposal>\n"
      "    <kind>政协委员提案</kind><session>十四届五次会议</session><number>87</number><name>刘芳</name>\n"
      "    <title>关于推进长江江州段岸线生态修复的提案</title><units>主办（协办：市水利局）</units>\n"
      "    <section>业务股</section><received>2026-10-08</received><importance>重要</importance>\n"
      "    <outcome>B</outcome><contact>周晓燕</contact><phone>86003456</phone>\n"
      "    "
      "<answer>一、工作进展\n我市累计完成岸线整治46.8公里。\n\n二、下一步工作\n力争2029年底前完成修复任务。</"
      "answer>\n"
      "  </proposal>\n  <proposal>\n"
      "    <kind>政协委员提案</kind><session>十四届五次会议</session><number>88</number><name>张海燕</name>\n"
      "    <title>关于加强医疗废物规范处置的提案</title><units>主办</units>\n"
      "    <section>业务股</section><received>2026-13-08</received><importance>一般</importance>\n"
      "    "
      "<outcome>A</outcome><contact>周晓燕</contact><phone>86003456</phone><answer>已全部采纳。</answer>\n"
      "  </proposal>\n</proposals>\n");
  const auto r = reply(dir.file("p.xml"), dir.file("out"), {"--format", "json"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["errors"].size(), 1u);
  EXPECT_EQ(json["errors"][0]["row"], 3);
  EXPECT_EQ(json["errors"][0]["line"], 14);  // after the first answer's four line breaks
  EXPECT_EQ(json["errors"][0]["column"], "收到日期");
  const std::string text =
      withoutWhitespace(run({"pdftotext", "-enc", "UTF-8", dir.file("out/cppcc-14-5-87.pdf"), "-"}).out);
  EXPECT_NE(text.find("刘芳委员："), std::string::npos) << text;
  EXPECT_NE(text.find("该提案由我局主办，市水利局协办。"), std::string::npos) << text;
  EXPECT_NE(text.find("二、下一步工作"), std::string::npos) << text;
}

TEST(ReplyCommand, APolicyThatForbidsAChainRefusesTheRunBeforeWritingAnything) {
  TempDir dir;
  std::string policy = gongwen::readFile(sourcePath("samples/policy.xml"));
  const std::string allowed = "chains=\"proposal-ordinary proposal-important\"";
  ASSERT_NE(policy.find(allowed), std::string::npos);
  policy.replace(policy.find(allowed), allowed.size(), "chains=\"proposal-ordinary\"");
  write(dir.file("policy.xml"), policy);
  const auto r = run({gongwenBinary(), "reply", sourcePath("samples/proposals.csv"), "-o", dir.file("out"),
                      "--policy", dir.file("policy.xml"), "--date", "2026-11-29"},
                     kFixedTime);
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("error[policy.chain-not-allowed]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("proposal-important"), std::string::npos) << r.err;
  EXPECT_TRUE(!fs::exists(dir.file("out")) || fs::is_empty(dir.file("out")));
}

TEST(ReplyCommand, WithThePolicyTheBureauIsItsOrganisationAndTheSealItsChainsSeal) {
  TempDir dir;
  const auto r = run({gongwenBinary(), "reply", sourcePath("samples/proposals.csv"), "-o", dir.file("out"),
                      "--policy", sourcePath("samples/policy.xml"), "--date", "2026-11-29"},
                     kFixedTime);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  const std::string job = gongwen::readFile(dir.file("out/npc-17-5-126.xml"));
  EXPECT_NE(job.find("<issuer>江州市生态环境局</issuer>"), std::string::npos) << job;
  EXPECT_NE(job.find("<signatory seal=\"administrative-seal\">江州市生态环境局</signatory>"),
            std::string::npos)
      << job;
}

TEST(ReplyCommand, WithoutABureauItIsAUsageError) {
  TempDir dir;
  const auto r = run({gongwenBinary(), "reply", sourcePath("samples/proposals.csv"), "-o", dir.file("out")});
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("--policy POLICY.xml or --issuer NAME"), std::string::npos) << r.err;
}

TEST(ReplyCommand, ALetterThatFailsCheckIsTheRowsErrorAndReplacesNothing) {
  TempDir dir;
  std::string csv = generatedProposalsCsv(2, false);
  write(dir.file("p.csv"), csv);
  ASSERT_EQ(reply(dir.file("p.csv"), dir.file("out")).exitCode, 0);
  const std::string earlierJob = gongwen::readFile(dir.file("out/npc-17-5-100.xml"));
  const std::string earlierPdf = gongwen::readFile(dir.file("out/npc-17-5-100.pdf"));

  const std::string sentence = "专项行动已于2026年10月完成，相关经验正在推广。";
  csv.replace(csv.find(sentence), sentence.size(), "专项行动已于2026年10月完成,相关经验正在推广。");
  write(dir.file("p.csv"), csv);
  const auto r = reply(dir.file("p.csv"), dir.file("out"), {"--format", "json"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["errors"].size(), 1u) << r.out;
  EXPECT_EQ(json["errors"][0]["row"], 2);
  EXPECT_EQ(json["errors"][0]["column"], "答复");
  EXPECT_EQ(json["errors"][0]["code"], "punct.halfwidth");
  EXPECT_EQ(json["letters"].size(), 1u);
  // The earlier run's letter for the row is left as it was.
  EXPECT_EQ(gongwen::readFile(dir.file("out/npc-17-5-100.xml")), earlierJob);
  EXPECT_EQ(gongwen::readFile(dir.file("out/npc-17-5-100.pdf")), earlierPdf);

  TempDir fresh;
  EXPECT_EQ(reply(dir.file("p.csv"), fresh.file("out")).exitCode, 1);
  EXPECT_FALSE(fs::exists(fresh.file("out/npc-17-5-100.xml")));
  EXPECT_FALSE(fs::exists(fresh.file("out/npc-17-5-100.pdf")));
  EXPECT_TRUE(fs::exists(fresh.file("out/cppcc-14-5-101.pdf")));
}

TEST(ReplyCommand, AnInputWhereAnOutputWouldGoIsRefusedAndKept) {
  TempDir dir;
  fs::create_directories(dir.file("out"));
  const std::string input = dir.file("out/register.pdf");  // the name of the register reply writes
  fs::copy_file(sourcePath("samples/proposals.csv"), input);
  const std::string before = gongwen::readFile(input);
  const auto r = reply(input, dir.file("out"));
  EXPECT_EQ(r.exitCode, 6) << r.out << r.err;
  EXPECT_NE(r.err.find("io.output-is-input"), std::string::npos) << r.err;
  EXPECT_EQ(gongwen::readFile(input), before);
}

TEST(ReplyCommand, AHugeRegisterIsRefusedAtOnceNamingTheLimit) {
  TempDir dir;
  const std::string input = dir.file("huge.csv");
  gongwen::writeFileAtomically(input, "类别,届次\n");
  fs::resize_file(input, 640ull << 20);
  const auto r = reply(input, dir.file("out"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("error[input.too-large]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(input), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("out/register.pdf")));
}
