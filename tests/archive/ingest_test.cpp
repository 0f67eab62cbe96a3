// `gongwen archive ingest`: signed documents verified and kept as three valid bags with their
// registry entry; everything that does not hold refused with the archive left byte for byte as it was.

#include <gtest/gtest.h>

#include <thread>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/EventLog.h"
#include "tests/archive/ArchiveFixture.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using archive::ArchiveRegistry;

const char* const kNotice = "notice-risk-inspection";

std::optional<archive::DocumentRecord> registered(const std::string& dir, const std::string& id) {
  const ArchiveRegistry registry(dir + "/registry.sqlite", ArchiveRegistry::Access::ReadOnly);
  return registry.document(id);
}

TEST(ArchiveIngest, ASignedNoticeBecomesThreeValidBagsAndARegistryEntry) {
  TempDir tmp;
  const std::string pdf = put(tmp, "notice.pdf", signedSample(kNotice));
  const std::string dir = tmp.file("archive");
  const CommandResult result = ingest(dir, {pdf});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("江州环发〔2026〕12号"), std::string::npos) << result.out;

  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const ArchiveRegistry registry(layout.registryPath(), ArchiveRegistry::Access::ReadOnly);
  ASSERT_EQ(registry.documentIds().size(), 1u);
  const std::string id = registry.documentIds()[0];
  const archive::DocumentRecord d = *registry.document(id);
  EXPECT_EQ(d.number, "江州环发〔2026〕12号");
  EXPECT_EQ(d.organCode, "江州环发");
  EXPECT_EQ(d.year, 2026);
  EXPECT_EQ(d.serial, 12);
  EXPECT_EQ(d.title, "江州市生态环境局关于开展重点排污单位环境风险隐患排查整治工作的通知");
  EXPECT_EQ(d.kind, "通知");
  EXPECT_EQ(d.organ, "江州市生态环境局");
  EXPECT_FALSE(d.incoming);
  EXPECT_EQ(d.pdfSha256, archive::sha256Hex(signedSample(kNotice)));
  ASSERT_EQ(d.signatures.size(), 4u);
  EXPECT_EQ(d.signatures[2].step, "director-signoff");
  EXPECT_EQ(d.signatures[2].personName, "王建国");
  ASSERT_EQ(d.sealUses.size(), 1u);
  EXPECT_EQ(d.sealUses[0].seal, "administrative-seal");
  EXPECT_TRUE(d.sealUses[0].registerSequence.has_value());
  EXPECT_NE(d.text.find("环境风险"), std::string::npos);
  ASSERT_EQ(archive::readEvents(registry).size(), 1u);
  EXPECT_EQ(archive::readEvents(registry)[0].kind, "ingest");
  EXPECT_FALSE(archive::verifyEventChain(registry));

  for (std::size_t r = 0; r < archive::kReplicaCount; ++r) {
    const std::string bag = layout.bagPath(r, id);
    EXPECT_TRUE(archive::validateBag(bag).empty()) << bag;
    EXPECT_EQ(readFile(bag + "/data/document.pdf"), signedSample(kNotice));
    for (const char* manifest : {"manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
      const CommandResult check = run({"sh", "-c", "cd '" + bag + "' && sha256sum --strict -c " + manifest});
      EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    }
    // Every file of the bag is in the registry with its hash.
    for (const archive::FileRecord& file : d.files)
      EXPECT_EQ(archive::sha256Hex(readFile(bag + "/" + file.path)), file.sha256) << file.path;
  }
  const std::string metadata = readFile(layout.bagPath(0, id) + "/data/metadata.xml");
  EXPECT_NE(metadata.find("<文件编号>江州环发〔2026〕12号</文件编号>"), std::string::npos) << metadata;
  EXPECT_NE(metadata.find("<业务行为>局长签发</业务行为>"), std::string::npos) << metadata;
  EXPECT_NE(readFile(layout.bagPath(0, id) + "/data/verification.json").find("\"signatures\""),
            std::string::npos);
}

TEST(ArchiveIngest, TheSameFileAgainIsANoOpThatSaysSo) {
  TempDir tmp;
  const std::string pdf = put(tmp, "notice.pdf", signedSample(kNotice));
  const std::string dir = tmp.file("archive");
  ASSERT_EQ(ingest(dir, {pdf}).exitCode, 0);
  const std::string before = treeHash(dir);
  const CommandResult again = ingest(dir, {pdf});
  EXPECT_EQ(again.exitCode, 0) << again.err;
  EXPECT_NE(again.out.find("already archived"), std::string::npos) << again.out;
  EXPECT_EQ(treeHash(dir), before);
}

TEST(ArchiveIngest, AClassifiedNoticeKeepsItsClassificationAndCopyNumberAndStaysPrivate) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  const CommandResult result = ingest(dir, {put(tmp, "c.pdf", signedSample("notice-classified-inspection"))});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const archive::DocumentRecord d =
      *registered(dir, archive::ArchiveRegistry(dir + "/registry.sqlite", ArchiveRegistry::Access::ReadOnly)
                           .documentIds()
                           .at(0));
  EXPECT_EQ(d.classification, "秘密★1年");
  EXPECT_EQ(d.copyNumber, "000017");
  EXPECT_EQ(d.urgency, "加急");
  EXPECT_EQ(d.date, "2026-11-20");
  // A classified document's bag is its owner's only, in every replica, whatever the umask.
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  for (std::size_t r = 0; r < archive::kReplicaCount; ++r) {
    const std::string bag = layout.bagPath(r, d.id);
    EXPECT_EQ(std::filesystem::status(bag).permissions(), std::filesystem::perms::owner_all);
    EXPECT_EQ(std::filesystem::status(bag + "/data/document.pdf").permissions(),
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
}

// Each refused input, after one good document is archived: the exit code, and the tree unchanged.
class RefusedInput : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(ingest(dir, {put(tmp, "good.pdf", signedSample(kNotice))}).exitCode, 0);
    before = treeHash(dir);
  }
  void expectRefused(const std::string& bytes, int exitCode, const std::string& code,
                     const std::vector<std::string>& extra = {}) {
    const CommandResult result = ingest(dir, {put(tmp, "refused.pdf", bytes)}, extra);
    EXPECT_EQ(result.exitCode, exitCode) << result.out << result.err;
    EXPECT_NE(result.err.find("error[" + code + "]"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(treeHash(dir), before);
  }
  TempDir tmp;
  std::string dir = tmp.file("archive");
  std::string before;
};

TEST_F(RefusedInput, AnUnsignedPdf) {
  TempDir work;
  ASSERT_EQ(run({gongwenBinary(), "render", sourcePath("samples/jobs/report-annual-work.xml"), "-o",
                 work.file("r.pdf")})
                .exitCode,
            0);
  expectRefused(readFile(work.file("r.pdf")), 5, "archive.does-not-verify");
}

TEST_F(RefusedInput, ABrokenSignature) {
  std::string pdf = signedSample("report-annual-work");
  const std::size_t at = pdf.find("BT");  // inside the first page's content, covered by every signature
  ASSERT_NE(at, std::string::npos);
  pdf[at + 3] = static_cast<char>(pdf[at + 3] ^ 1);
  expectRefused(pdf, 5, "archive.does-not-verify");
}

TEST_F(RefusedInput, AnIncompleteChain) {
  TempDir work;
  ASSERT_EQ(run({gongwenBinary(), "render", sourcePath("samples/jobs/report-annual-work.xml"), "-o",
                 work.file("r.pdf")})
                .exitCode,
            0);
  const std::string proofread =
      verifyfx::signWithCli(readFile(work.file("r.pdf")), "bangong", "office-proofread");
  expectRefused(proofread, 4, "policy.chain-incomplete");
}

TEST_F(RefusedInput, ARevisionAppendedAfterTheSeal) {
  const std::string sealed = signedSample("report-annual-work");
  const unsigned page = verifyfx::nextObjectNumber(sealed);
  const std::string appended = verifyfx::appendRevision(
      sealed, {}, {"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 72 Td (approved) Tj ET\nendstream"});
  (void)page;
  expectRefused(appended, 5, "archive.does-not-verify");
}

TEST_F(RefusedInput, ANumberAlreadyTaken) {
  expectRefused(signedJob(variantJob(kNotice, "江州环发〔2026〕12号",
                                     "江州市生态环境局关于开展重点排污单位环境风险隐患复查工作的通知")),
                4, "archive.number-taken");
}

TEST_F(RefusedInput, ABatchWithOneBadFileArchivesNothing) {
  const std::string good = put(tmp, "other.pdf", signedSample("report-annual-work"));
  std::string bad = signedSample("reply-inspection-plan");
  bad[bad.find("BT") + 3] ^= 1;
  const CommandResult result = ingest(dir, {good, put(tmp, "bad.pdf", bad)});
  EXPECT_EQ(result.exitCode, 5) << result.err;
  EXPECT_EQ(treeHash(dir), before);
}

TEST(ArchiveIngest, IncomingSignedUnderATrustedRootIsAcceptedWithoutOurChain) {
  TempDir tmp;
  // Another organ's document: signed once, by a certificate of the trusted root, under no chain of ours.
  const verifyfx::Signer signer = verifyfx::loadPkcs12(bureau().pki("juzhang.p12"));
  const std::string pdf = verifyfx::signUnchecked(verifyfx::unsignedPdf("", ""), "issue", "someone", signer);
  const std::string dir = tmp.file("archive");
  const CommandResult refusedAsOurs = ingest(dir, {put(tmp, "in.pdf", pdf)});
  EXPECT_NE(refusedAsOurs.exitCode, 0);
  EXPECT_FALSE(std::filesystem::exists(dir));

  const CommandResult result =
      ingest(dir, {tmp.file("in.pdf")}, {"--incoming", "--from", "中共江州市委办公室", "--urgency", "特急"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const ArchiveRegistry registry(dir + "/registry.sqlite", ArchiveRegistry::Access::ReadOnly);
  const archive::DocumentRecord d = *registry.document(registry.documentIds().at(0));
  EXPECT_TRUE(d.incoming);
  ASSERT_TRUE(d.incomingEntry);
  EXPECT_EQ(d.incomingEntry->sender, "中共江州市委办公室");
  EXPECT_EQ(d.incomingEntry->urgency, "特急");
  EXPECT_EQ(d.incomingEntry->proposal, "");
  EXPECT_EQ(d.incomingEntry->routedTo, "党组书记 李红梅");

  std::string broken = pdf;
  broken[broken.find("BT") + 3] ^= 1;
  const std::string before = treeHash(dir);
  const CommandResult refused =
      ingest(dir, {put(tmp, "broken.pdf", broken)}, {"--incoming", "--from", "江州市人民政府办公室"});
  EXPECT_EQ(refused.exitCode, 5) << refused.err;
  EXPECT_EQ(treeHash(dir), before);
}

TEST(ArchiveIngest, UsageErrorsAreRefusedBeforeAnythingIsRead) {
  TempDir tmp;
  const std::string pdf = put(tmp, "n.pdf", signedSample(kNotice));
  EXPECT_EQ(ingest(tmp.file("a"), {pdf}, {"--from", "某局"}).exitCode, 2);
  EXPECT_EQ(ingest(tmp.file("a"), {pdf}, {"--incoming"}).exitCode, 2);
  EXPECT_EQ(ingest(tmp.file("a"), {pdf}, {"--incoming", "--from", "某局", "--urgency", "急"}).exitCode, 2);
  EXPECT_EQ(ingest(tmp.file("a"), {pdf, pdf},
                   {"--job", sourcePath("samples/jobs/" + std::string(kNotice) + ".xml")})
                .exitCode,
            2);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("a")));
}

TEST(ArchiveIngest, TheJobIsKeptInTheBagAndMustBeTheDocuments) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  const std::string pdf = put(tmp, "n.pdf", signedSample(kNotice));
  const CommandResult wrong =
      ingest(dir, {pdf}, {"--job", sourcePath("samples/jobs/report-annual-work.xml")});
  EXPECT_EQ(wrong.exitCode, 3) << wrong.err;
  EXPECT_NE(wrong.err.find("archive.job-mismatch"), std::string::npos) << wrong.err;
  const std::string job = sourcePath("samples/jobs/" + std::string(kNotice) + ".xml");
  ASSERT_EQ(ingest(dir, {pdf}, {"--job", job}).exitCode, 0);
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const ArchiveRegistry registry(layout.registryPath(), ArchiveRegistry::Access::ReadOnly);
  EXPECT_EQ(readFile(layout.bagPath(1, registry.documentIds().at(0)) + "/data/job.xml"), readFile(job));
}

TEST(ArchiveIngest, TwoProcessesIngestingAtOnceBothSucceed) {
  TempDir tmp;
  const std::string dir = tmp.file("archive");
  const std::vector<std::string> first = {put(tmp, "a.pdf", signedSample(kNotice)),
                                          put(tmp, "b.pdf", signedSample("report-annual-work"))};
  const std::vector<std::string> second = {put(tmp, "c.pdf", signedSample("reply-inspection-plan")),
                                           put(tmp, "d.pdf", signedSample("request-special-funds"))};
  CommandResult one, two;
  std::thread a([&] { one = ingest(dir, first); });
  std::thread b([&] { two = ingest(dir, second); });
  a.join();
  b.join();
  EXPECT_EQ(one.exitCode, 0) << one.err;
  EXPECT_EQ(two.exitCode, 0) << two.err;
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const ArchiveRegistry registry(layout.registryPath(), ArchiveRegistry::Access::ReadOnly);
  ASSERT_EQ(registry.documentIds().size(), 4u);
  for (const std::string& id : registry.documentIds()) {
    for (std::size_t r = 0; r < archive::kReplicaCount; ++r)
      EXPECT_TRUE(archive::validateBag(layout.bagPath(r, id)).empty()) << id;
  }
  EXPECT_FALSE(archive::verifyEventChain(registry));
  EXPECT_EQ(archive::readEvents(registry).size(), 4u);
}

}  // namespace
}  // namespace gongwen::testing
