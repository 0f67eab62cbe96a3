// Ingest with a timestamp authority in the policy archives each PDF extended for long-term
// validation (PAdES B-LTA) and keeps the received bytes beside it; audit re-verifies with the
// validation data the archived PDF carries and names the documents whose newest document
// timestamp's authority certificate expires within a year.

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "tests/archive/ArchiveFixture.h"
#include "tests/support/TsaResponder.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using nlohmann::json;

// The bureau's policy with `url` as its timestamp authority, in a file of this process's own.
std::string policyWithAuthority(const std::string& url, const std::string& name) {
  std::string xml = readFile(bureau().policyPath());
  const std::size_t end = xml.find("/>", xml.find("<register ")) + 2;
  xml.insert(end, "\n  <timestamp url=\"" + url + "\"/>");
  const std::string path = bureau().file(name + "-" + std::to_string(getpid()) + ".xml");
  writeFileAtomically(path, xml);
  return path;
}

struct Ingested {
  std::string bag;
  CommandResult result;
};

Ingested ingestWith(const TempDir& tmp, const std::string& dir, const std::string& policy,
                    const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {
      "ingest", put(tmp, "notice.pdf", signedSample("notice-risk-inspection")), "--archive", dir, "--policy",
      policy};
  args.insert(args.end(), extra.begin(), extra.end());
  Ingested ingested{"", archiveCli(args)};
  if (ingested.result.exitCode != 0) return ingested;
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const archive::ArchiveRegistry registry(layout.registryPath(), archive::ArchiveRegistry::Access::ReadOnly);
  ingested.bag = layout.bagPath(0, registry.documentIds().at(0));
  return ingested;
}

TEST(ArchiveLongTerm, IngestArchivesTheExtendedPdfAndKeepsTheReceivedOne) {
  TsaResponder tsa(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  const std::string policy = policyWithAuthority(tsa.url(), "policy-archive-ltv");
  TempDir tmp;
  const Ingested ingested = ingestWith(tmp, tmp.file("archive"), policy);
  ASSERT_EQ(ingested.result.exitCode, 0) << ingested.result.err;
  EXPECT_EQ(readFile(ingested.bag + "/data/received.pdf"), signedSample("notice-risk-inspection"));
  const std::string archived = readFile(ingested.bag + "/data/document.pdf");
  EXPECT_EQ(archived.compare(0, signedSample("notice-risk-inspection").size(),
                             signedSample("notice-risk-inspection")),
            0)
      << "the extension only appends";
  const json report = json::parse(readFile(ingested.bag + "/data/verification.json"));
  ASSERT_EQ(report["documentTimestamps"].size(), 1u);
  for (const auto& signature : report["signatures"]) EXPECT_EQ(signature["level"], "B-LTA");

  // The authority's certificate has ten years: nothing to renew, the audit is clean.
  const CommandResult audit =
      archiveCli({"audit", "--archive", tmp.file("archive"), "--policy", policy, "--format", "json"});
  EXPECT_EQ(audit.exitCode, 0) << audit.out << audit.err;
  EXPECT_EQ(audit.out.find("archive.timestamp-renewal-due"), std::string::npos);
}

TEST(ArchiveLongTerm, NoLtvArchivesAsReceived) {
  TsaResponder tsa(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  TempDir tmp;
  const Ingested ingested = ingestWith(tmp, tmp.file("archive"),
                                       policyWithAuthority(tsa.url(), "policy-archive-noltv"), {"--no-ltv"});
  ASSERT_EQ(ingested.result.exitCode, 0) << ingested.result.err;
  EXPECT_EQ(readFile(ingested.bag + "/data/document.pdf"), signedSample("notice-risk-inspection"));
  EXPECT_FALSE(fs::exists(ingested.bag + "/data/received.pdf"));
  EXPECT_EQ(tsa.tokensIssued(), 0);
}

TEST(ArchiveLongTerm, AuditNamesATimestampWhoseAuthorityExpiresWithinAYear) {
  // A timestamp authority whose certificate (from the test root) has 200 days left.
  TempDir tmp;
  writeFileAtomically(tmp.file("ext.cnf"),
                      "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
  ASSERT_EQ(run({"openssl", "req", "-new", "-key", bureau().pki("tsa.key"), "-subj", "/CN=short-lived TSA",
                 "-out", tmp.file("tsa.csr")})
                .exitCode,
            0);
  ASSERT_EQ(run({"openssl", "x509", "-req", "-in", tmp.file("tsa.csr"), "-CA", bureau().pki("root.crt"),
                 "-CAkey", bureau().pki("root.key"), "-set_serial", "0x5ea1", "-days", "200", "-sha256",
                 "-extfile", tmp.file("ext.cnf"), "-out", tmp.file("tsa.crt")})
                .exitCode,
            0);
  TsaResponder tsa(tmp.file("tsa.crt"), bureau().pki("tsa.key"));
  const std::string policy = policyWithAuthority(tsa.url(), "policy-archive-short-tsa");
  const Ingested ingested = ingestWith(tmp, tmp.file("archive"), policy);
  ASSERT_EQ(ingested.result.exitCode, 0) << ingested.result.err;

  const CommandResult audit =
      archiveCli({"audit", "--archive", tmp.file("archive"), "--policy", policy, "--format", "json"});
  EXPECT_EQ(audit.exitCode, 1) << audit.out << audit.err;
  const json report = json::parse(audit.out);
  bool named = false;
  for (const auto& issue : report["issues"])
    named = named || issue["code"] == "archive.timestamp-renewal-due";
  EXPECT_TRUE(named) << audit.out;
}

}  // namespace
}  // namespace gongwen::testing
