// `archive find`, `archive show` and `archive export` over an archive of signed samples.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "tests/archive/ArchiveFixture.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using nlohmann::json;

// Four documents whose titles differ after 江州市生态环境局关于: 城东 (chéng), 购置 (gòu), 开展 (kāi),
// 同意 (tóng) — pinyin order, which is not their code point order (同 < 城 < 开 < 购).
const std::vector<std::string> kSamples = {"reply-inspection-plan", "notice-risk-inspection",
                                           "request-monitoring-vehicle", "report-emergency-response"};

class ArchiveOfSamples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp = new TempDir;
    std::vector<std::string> files;
    for (const std::string& name : kSamples) files.push_back(put(*tmp, name + ".pdf", signedSample(name)));
    const CommandResult own = ingest(archive(), files);
    ASSERT_EQ(own.exitCode, 0) << own.err;
    const verifyfx::Signer signer = verifyfx::loadPkcs12(bureau().pki("juzhang.p12"));
    const std::string incoming = verifyfx::signUnchecked(
        verifyfx::unsignedPdf("", "", "Notice on the provincial inspection"), "issue", "someone", signer);
    const CommandResult in =
        ingest(archive(), {put(*tmp, "in.pdf", incoming)}, {"--incoming", "--from", "江州市人民政府办公室"});
    ASSERT_EQ(in.exitCode, 0) << in.err;
  }
  static void TearDownTestSuite() { delete tmp; }
  static std::string archive() { return tmp->file("archive"); }

  static json findJson(const std::vector<std::string>& criteria) {
    std::vector<std::string> args = {"find", "--archive", archive(), "--format", "json"};
    args.insert(args.end(), criteria.begin(), criteria.end());
    const CommandResult result = archiveCli(args);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return json::parse(result.out);
  }
  static std::vector<std::string> numbers(const json& found) {
    std::vector<std::string> out;
    for (const json& d : found) out.push_back(d.at("number").get<std::string>());
    return out;
  }

  static TempDir* tmp;
};
TempDir* ArchiveOfSamples::tmp = nullptr;

TEST_F(ArchiveOfSamples, FindsEverythingInChineseOrderOfTitles) {
  const json all = findJson({});
  ASSERT_EQ(all.size(), 5u);
  // Pinyin order, then the Latin title (CLDR's zh collation puts Han first).
  EXPECT_EQ(numbers(all), (std::vector<std::string>{"江州环报〔2026〕14号", "江州环呈〔2026〕8号",
                                                    "江州环发〔2026〕12号", "江州环复〔2026〕21号", ""}));
  EXPECT_EQ(all[4].at("title"), "Notice on the provincial inspection");
  for (const json& d : all) {
    for (const char* key : {"id", "number", "title", "date", "kind", "incoming"})
      EXPECT_TRUE(d.contains(key)) << key;
  }
  EXPECT_EQ(all[4].at("incoming"), true);
  EXPECT_EQ(all[0].at("incoming"), false);
  EXPECT_EQ(all[0].at("onLoan"), false);
}

TEST_F(ArchiveOfSamples, FindsByEachCriterion) {
  EXPECT_EQ(numbers(findJson({"--number", "江州环发〔2026〕12号"})),
            std::vector<std::string>{"江州环发〔2026〕12号"});
  EXPECT_EQ(findJson({"--number", "江州环"}).size(), 4u);
  EXPECT_EQ(numbers(findJson({"--text", "应急监测车辆"})), std::vector<std::string>{"江州环呈〔2026〕8号"});
  EXPECT_EQ(findJson({"--text", "应急监测车辆 不存在的词"}).size(), 0u);
  EXPECT_EQ(numbers(findJson({"--from", "2026-11-20", "--to", "2026年11月27日"})),
            (std::vector<std::string>{"江州环呈〔2026〕8号", "江州环发〔2026〕12号"}));
  EXPECT_EQ(numbers(findJson({"--from", "2026-11-24"})), std::vector<std::string>{"江州环发〔2026〕12号"});
  EXPECT_EQ(numbers(findJson({"--kind", "请示"})), std::vector<std::string>{"江州环呈〔2026〕8号"});
  EXPECT_EQ(numbers(findJson({"--kind", "request"})), std::vector<std::string>{"江州环呈〔2026〕8号"});
  EXPECT_EQ(findJson({"--signer", "王建国"}).size(), 4u);
  EXPECT_EQ(findJson({"--signer", "juzhang"}).size(), 4u);
  EXPECT_EQ(findJson({"--incoming"}).size(), 1u);
  EXPECT_EQ(findJson({"--outgoing"}).size(), 4u);
  EXPECT_EQ(findJson({"--outgoing", "--kind", "通知", "--signer", "陈静"}).size(), 1u);
}

TEST_F(ArchiveOfSamples, FindRefusesBadCriteria) {
  EXPECT_EQ(archiveCli({"find", "--archive", archive(), "--from", "2026-02-30"}).exitCode, 2);
  EXPECT_EQ(archiveCli({"find", "--archive", archive(), "--incoming", "--outgoing"}).exitCode, 2);
  EXPECT_EQ(archiveCli({"find", "--archive", tmp->file("none")}).exitCode, 3);
  const CommandResult text = archiveCli({"find", "--archive", archive(), "--kind", "通知"});
  EXPECT_NE(text.out.find("江州环发〔2026〕12号"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1 document(s)"), std::string::npos) << text.out;
}

TEST_F(ArchiveOfSamples, ShowsTheEntryItsFilesAndEvents) {
  const std::string id = findJson({"--number", "江州环发〔2026〕12号"})[0].at("id");
  const CommandResult text = archiveCli({"show", id, "--archive", archive()});
  ASSERT_EQ(text.exitCode, 0) << text.err;
  EXPECT_NE(text.out.find("江州环发〔2026〕12号"), std::string::npos);
  EXPECT_NE(text.out.find("data/document.pdf"), std::string::npos);
  EXPECT_NE(text.out.find(" ingest "), std::string::npos);
  const CommandResult js = archiveCli({"show", id, "--archive", archive(), "--format", "json"});
  ASSERT_EQ(js.exitCode, 0) << js.err;
  const json shown = json::parse(js.out);
  EXPECT_EQ(shown.at("signatures").size(), 4u);
  EXPECT_EQ(shown.at("events").at(0).at("kind"), "ingest");
  EXPECT_EQ(shown.at("files").size(), 8u);  // 4 payload files (no job) + 4 tag files
  EXPECT_EQ(archiveCli({"show", "2026-999999", "--archive", archive()}).exitCode, 3);
}

TEST_F(ArchiveOfSamples, ExportsThePdfByteForByte) {
  const std::string id = findJson({"--number", "江州环呈〔2026〕8号"})[0].at("id");
  TempDir out;
  const CommandResult result = archiveCli({"export", id, "--archive", archive(), "-o", out.file("x.pdf")});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(readFile(out.file("x.pdf")), signedSample("request-monitoring-vehicle"));
}

TEST_F(ArchiveOfSamples, ExportNeverWritesIntoTheArchive) {
  const std::string id = findJson({"--number", "江州环呈〔2026〕8号"})[0].at("id");
  const archive::ArchiveLayout layout = archive::openArchive(archive());
  const std::string before = treeHash(archive());
  for (const std::string& target : {layout.registryPath(), layout.bagPath(1, id) + "/data/document.pdf",
                                    archive() + "/x.pdf", layout.replicas()[2] + "/new.pdf"}) {
    const CommandResult result = archiveCli({"export", id, "--archive", archive(), "-o", target});
    EXPECT_EQ(result.exitCode, 6) << target << result.err;
    EXPECT_NE(result.err.find("io.output-is-input"), std::string::npos) << result.err;
  }
  EXPECT_EQ(treeHash(archive()), before);
}

TEST_F(ArchiveOfSamples, ExportRefusesADeviceOrAFifoAndLeavesTheArchiveAlone) {
  const std::string id = findJson({"--number", "江州环呈〔2026〕8号"})[0].at("id");
  TempDir out;
  const std::string fifo = out.file("pipe");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const std::string before = treeHash(archive());
  for (const std::string& target : {std::string("/dev/null"), fifo}) {
    const CommandResult result = archiveCli({"export", id, "--archive", archive(), "-o", target});
    EXPECT_EQ(result.exitCode, 6) << target << result.err;
    EXPECT_NE(result.err.find("io.output-not-regular"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
  EXPECT_EQ(treeHash(archive()), before);
}

TEST(ArchiveExport, ADamagedOriginalIsSkippedAndNoGoodCopyIsALoss) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  ASSERT_EQ(ingest(dir, {put(tmp, "n.pdf", signedSample("notice-risk-inspection"))}).exitCode, 0);
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const std::string id =
      archive::ArchiveRegistry(layout.registryPath(), archive::ArchiveRegistry::Access::ReadOnly)
          .documentIds()
          .at(0);
  const auto damage = [&](std::size_t replica) {
    const std::string pdf = layout.bagPath(replica, id) + "/data/document.pdf";
    std::string bytes = readFile(pdf);
    bytes[bytes.size() / 2] ^= 1;
    WriteOptions rewrite;
    rewrite.replacesInput = true;
    writeFileAtomically(pdf, bytes, rewrite);
  };
  damage(0);
  const CommandResult fallback = archiveCli({"export", id, "--archive", dir, "-o", tmp.file("a.pdf")});
  ASSERT_EQ(fallback.exitCode, 0) << fallback.err;
  EXPECT_NE(fallback.out.find("from copy 1"), std::string::npos) << fallback.out;
  EXPECT_NE(fallback.out.find("warning: the original"), std::string::npos) << fallback.out;
  EXPECT_EQ(readFile(tmp.file("a.pdf")), signedSample("notice-risk-inspection"));
  damage(1);
  damage(2);
  const CommandResult lost = archiveCli({"export", id, "--archive", dir, "-o", tmp.file("b.pdf")});
  EXPECT_EQ(lost.exitCode, 5) << lost.err;
  EXPECT_NE(lost.err.find("archive.no-good-copy"), std::string::npos) << lost.err;
  EXPECT_FALSE(std::filesystem::exists(tmp.file("b.pdf")));
}

}  // namespace
}  // namespace gongwen::testing
