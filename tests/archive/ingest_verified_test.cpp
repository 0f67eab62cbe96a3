// prepareVerifiedForIngest (pipeline/archive/Ingest.h): the batch hands the archive the bytes it has
// just verified and that verification; the archive takes them only for exactly those bytes, and
// refuses what does not verify in full as ingest does.

#include <gtest/gtest.h>

#include "pipeline/archive/Ingest.h"
#include "pipeline/policy/Policy.h"
#include "tests/archive/ArchiveFixture.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;

const policy::Policy& bureauPolicy() {
  static const policy::Policy policy = policy::loadPolicy(bureau().policyPath());
  return policy;
}

archive::IngestRequest requestFor(const std::string& file) {
  archive::IngestRequest request;
  request.files = {file};
  request.policyPath = bureau().policyPath();
  return request;
}

TEST(ArchiveIngestVerified, TakesTheVerificationOfTheseBytesWithoutReadingTheFileAgain) {
  TempDir tmp;
  const std::string& notice = signedSample("notice-risk-inspection");
  // The file now holds another document: what is prepared is the bytes verified, as they were.
  const std::string file = put(tmp, "notice.pdf", signedSample("report-annual-work"));
  const archive::PreparedDocument prepared =
      archive::prepareVerifiedForIngest(requestFor(file), bureauPolicy(), notice,
                                        verifyfx::verifyWithPolicy(notice), archive::sha256Hex(notice));
  EXPECT_EQ(prepared.pdf, notice);
  EXPECT_EQ(prepared.record.pdfSha256, archive::sha256Hex(notice));
  EXPECT_EQ(prepared.record.signatures.size(), 4u);
}

TEST(ArchiveIngestVerified, AVerificationOfOtherBytesIsNotTakenTheFileIsVerifiedAfresh) {
  TempDir tmp;
  const std::string& notice = signedSample("notice-risk-inspection");
  const std::string& report = signedSample("report-annual-work");
  const std::string file = put(tmp, "report.pdf", report);
  const archive::PreparedDocument prepared =
      archive::prepareVerifiedForIngest(requestFor(file), bureauPolicy(), notice,
                                        verifyfx::verifyWithPolicy(notice), archive::sha256Hex(report));
  EXPECT_EQ(prepared.pdf, report);
  EXPECT_EQ(prepared.record.pdfSha256, archive::sha256Hex(report));
}

TEST(ArchiveIngestVerified, ADocumentThatDoesNotVerifyInFullIsRefused) {
  TempDir tmp;
  const std::string rendered = verifyfx::unsignedPdf("bureau-document");
  const std::string file = put(tmp, "rendered.pdf", rendered);
  EXPECT_EQ(errorCode([&] {
              archive::prepareVerifiedForIngest(requestFor(file), bureauPolicy(), rendered,
                                                verifyfx::verifyWithPolicy(rendered),
                                                archive::sha256Hex(rendered));
            }),
            "archive.does-not-verify");
}

}  // namespace
}  // namespace gongwen::testing
