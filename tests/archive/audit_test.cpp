// `gongwen archive audit` on archives made by `archive ingest` from signed samples: a clean archive
// audits clean; each kind of damage to one replica is named and repaired from a good one, and the
// next audit is clean; the same damage in all three replicas is a loss (exit 5); an event edited,
// deleted or moved with the sqlite3 command is found.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/RegistrySchema.h"
#include "tests/archive/ArchiveFixture.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using nlohmann::json;

const char* const kNotice = "notice-risk-inspection";
const char* const kReport = "report-annual-work";

class ArchiveAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult ingested = ingest(
        dir, {put(tmp, "notice.pdf", signedSample(kNotice)), put(tmp, "report.pdf", signedSample(kReport))});
    ASSERT_EQ(ingested.exitCode, 0) << ingested.err;
    const archive::ArchiveRegistry registry(layout().registryPath(),
                                            archive::ArchiveRegistry::Access::ReadOnly);
    ids = registry.documentIds();
    ASSERT_EQ(ids.size(), 2u);
  }

  archive::ArchiveLayout layout() const { return archive::openArchive(dir); }
  std::string bag(std::size_t replica, std::size_t document = 0) const {
    return layout().bagPath(replica, ids.at(document));
  }
  std::string root(std::size_t replica) const { return layout().replicas()[replica]; }

  CommandResult audit(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"audit", "--archive", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    return archiveCli(args);
  }
  // The JSON report of an audit that exits with `exitCode`.
  json auditJson(int exitCode, const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {"--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult result = audit(args);
    EXPECT_EQ(result.exitCode, exitCode) << result.out << result.err;
    return json::parse(result.out);
  }
  // After a repair, the archive audits clean and every bag is valid, by our validator and by sha256sum.
  void expectClean() const {
    const json report = auditJson(0);
    EXPECT_TRUE(report["repairs"].empty()) << report.dump(1);
    EXPECT_TRUE(report["losses"].empty()) << report.dump(1);
    for (std::size_t r = 0; r < archive::kReplicaCount; ++r) {
      for (std::size_t d = 0; d < ids.size(); ++d) {
        EXPECT_TRUE(archive::validateBag(bag(r, d)).empty()) << bag(r, d);
        const CommandResult check = run({"sh", "-c",
                                         "cd '" + bag(r, d) +
                                             "' && sha256sum --strict --quiet -c "
                                             "manifest-sha256.txt tagmanifest-sha256.txt"});
        EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
      }
    }
  }
  std::vector<std::string> eventKinds() const {
    const archive::ArchiveRegistry registry(layout().registryPath(),
                                            archive::ArchiveRegistry::Access::ReadOnly);
    std::vector<std::string> kinds;
    for (const archive::ArchiveEvent& event : archive::readEvents(registry)) kinds.push_back(event.kind);
    return kinds;
  }
  CommandResult sqlite(const std::string& sql) const {
    return run({"sqlite3", layout().registryPath(), sql});
  }

  TempDir tmp;
  std::string dir = tmp.file("archive");
  std::vector<std::string> ids;
};

void flipByte(const std::string& path, std::size_t at) {
  std::string bytes = readFile(path);
  bytes.at(at) ^= 0x20;
  WriteOptions rewrite;
  rewrite.replacesInput = true;
  writeFileAtomically(path, bytes, rewrite);
}

TEST_F(ArchiveAudit, ACleanArchiveAuditsCleanAndTheRunIsAnEvent) {
  const CommandResult result = audit();
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  for (const char* line : {"真实性 (authenticity): ok", "完整性 (integrity): ok", "可用性 (usability): ok",
                           "安全性 (security): ok", "result: all is well"}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << "\n" << result.out;
  }
  const json report = auditJson(0);
  EXPECT_EQ(report["documents"], 2);
  EXPECT_EQ(report["pdfsProbed"], 2);
  for (const json& replica : report["replicas"]) EXPECT_EQ(replica["bags"], 2);
  for (const char* property : {"authenticity", "integrity", "usability", "security"})
    EXPECT_TRUE(report["properties"][property]) << property;
  EXPECT_EQ(eventKinds(), (std::vector<std::string>{"ingest", "ingest", "audit", "audit"}));
}

TEST_F(ArchiveAudit, AFlippedByteInOneReplicasPdfIsNamedAndRepaired) {
  const std::string pdf = bag(1) + "/data/document.pdf";
  flipByte(pdf, 2000);
  const json report = auditJson(0);
  ASSERT_EQ(report["repairs"].size(), 1u) << report.dump(1);
  const json& repair = report["repairs"][0];
  EXPECT_EQ(repair["document"], ids[0]);
  EXPECT_EQ(repair["replica"], root(1));
  EXPECT_EQ(repair["path"], "data/document.pdf");
  EXPECT_NE(repair["problem"].get<std::string>().find("altered"), std::string::npos);
  EXPECT_EQ(readFile(pdf), signedSample(kNotice));
  const std::vector<std::string> kinds = eventKinds();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "repair"), kinds.end());
  expectClean();
}

TEST_F(ArchiveAudit, ADeletedBagIsBuiltAgainFromAGoodReplica) {
  fs::remove_all(bag(2, 1));
  const CommandResult result = audit();
  EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("repaired " + ids[1] + " " + root(2) + " (the whole bag): the bag is missing"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(readFile(bag(2, 1) + "/data/document.pdf"), signedSample(kReport));
  expectClean();
}

TEST_F(ArchiveAudit, ADeletedReplicaRootIsMadeAgainWithEveryBag) {
  fs::remove_all(root(0));
  const json report = auditJson(0);
  ASSERT_EQ(report["repairs"].size(), 3u) << report.dump(1);
  EXPECT_EQ(report["repairs"][0]["replica"], root(0));
  EXPECT_NE(report["repairs"][0]["problem"].get<std::string>().find("replica root was missing"),
            std::string::npos);
  for (std::size_t d = 0; d < 2; ++d) EXPECT_EQ(report["repairs"][d + 1]["document"], ids[d]);
  expectClean();
}

TEST_F(ArchiveAudit, ATruncatedManifestIsNamedAndRepaired) {
  const std::string manifest = bag(0) + "/manifest-sha256.txt";
  fs::resize_file(manifest, fs::file_size(manifest) / 2);
  const json report = auditJson(0);
  ASSERT_EQ(report["repairs"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["repairs"][0]["path"], "manifest-sha256.txt");
  EXPECT_EQ(report["repairs"][0]["replica"], root(0));
  EXPECT_EQ(report["repairs"][0]["source"], root(1));
  expectClean();
}

TEST_F(ArchiveAudit, AChangedBagInfoIsNamedAndRepaired) {
  const std::string info = bag(2, 1) + "/bag-info.txt";
  WriteOptions rewrite;
  rewrite.replacesInput = true;
  writeFileAtomically(info, readFile(info) + "Source-Organization: someone else\n", rewrite);
  const json report = auditJson(0);
  ASSERT_EQ(report["repairs"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["repairs"][0]["document"], ids[1]);
  EXPECT_EQ(report["repairs"][0]["path"], "bag-info.txt");
  expectClean();
}

TEST_F(ArchiveAudit, TheSameDamageInAllThreeReplicasIsALossNeverARepair) {
  for (std::size_t r = 0; r < archive::kReplicaCount; ++r) flipByte(bag(r) + "/data/document.pdf", 2000);
  const CommandResult text = audit();
  EXPECT_EQ(text.exitCode, 5) << text.out << text.err;
  EXPECT_NE(text.out.find("LOST " + ids[0] + " data/document.pdf"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("repaired"), std::string::npos) << text.out;
  const json report = auditJson(5);
  ASSERT_EQ(report["losses"].size(), 1u);
  EXPECT_EQ(report["losses"][0]["document"], ids[0]);
  EXPECT_TRUE(report["repairs"].empty());
  EXPECT_FALSE(report["properties"]["integrity"]);
  const std::vector<std::string> kinds = eventKinds();
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "loss"), 2) << "one per audit";
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "repair"), 0);
}

TEST_F(ArchiveAudit, AWholeDocumentMissingFromEveryReplicaIsALoss) {
  for (std::size_t r = 0; r < archive::kReplicaCount; ++r) fs::remove_all(bag(r, 1));
  const json report = auditJson(5);
  EXPECT_FALSE(report["losses"].empty());
  for (const json& loss : report["losses"]) EXPECT_EQ(loss["document"], ids[1]);
  EXPECT_FALSE(fs::exists(bag(0, 1))) << "a bag is never made visible incomplete";
}

class ArchiveAuditEvents : public ArchiveAudit {
 protected:
  void SetUp() override {
    ArchiveAudit::SetUp();
    ASSERT_EQ(audit().exitCode, 0);  // events 1-3: two ingests and an audit
    const CommandResult dropped =
        sqlite("DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;");
    ASSERT_EQ(dropped.exitCode, 0) << dropped.err;
  }
  void expectBrokenAt(const std::string& sql, const std::string& problem) const {
    const CommandResult changed = sqlite(sql);
    ASSERT_EQ(changed.exitCode, 0) << changed.err;
    const json report = auditJson(5);
    bool found = false;
    for (const json& issue : report["issues"]) {
      if (issue["code"] == "archive.event-chain") {
        found = true;
        EXPECT_NE(issue["message"].get<std::string>().find(problem), std::string::npos) << issue.dump();
      }
    }
    EXPECT_TRUE(found) << report.dump(1);
    EXPECT_FALSE(report["properties"]["authenticity"]);
  }
};

TEST_F(ArchiveAuditEvents, DroppedTriggersAreAFailureOnTheirOwn) {
  const json report = auditJson(5);
  std::size_t schema = 0;
  for (const json& issue : report["issues"]) schema += issue["code"] == "archive.registry-schema";
  EXPECT_EQ(schema, 2u) << report.dump(1);
}

TEST_F(ArchiveAuditEvents, AnEditedEventIsFound) {
  expectBrokenAt("UPDATE events SET time = '2020-01-01T00:00:00Z' WHERE seq = 2", "event 2 (ingest");
}

TEST_F(ArchiveAuditEvents, ADeletedEventIsFound) {
  expectBrokenAt("DELETE FROM events WHERE seq = 2", "event 2 is missing");
}

TEST_F(ArchiveAuditEvents, ReorderedEventsAreFound) {
  // Events 1 and 2 swap places, each keeping its own hash.
  expectBrokenAt(
      "UPDATE events SET seq = -1 WHERE seq = 1; UPDATE events SET seq = 1 WHERE seq = 2; "
      "UPDATE events SET seq = 2 WHERE seq = -1;",
      "event 1");
}

TEST_F(ArchiveAuditEvents, DeletingTheLastIngestEventLeavesTheDocumentWithoutOne) {
  const CommandResult deleted = sqlite("DELETE FROM events WHERE seq > 1");
  ASSERT_EQ(deleted.exitCode, 0) << deleted.err;
  const json report = auditJson(5);
  bool found = false;
  for (const json& issue : report["issues"]) found |= issue["code"] == "archive.event-missing";
  EXPECT_TRUE(found) << report.dump(1);
}

// The events cut from the end, the triggers put back as they were: only the head file tells.
TEST_F(ArchiveAuditEvents, DeletingTheLastEventsIsFoundByTheHeadFile) {
  std::string sql = "DELETE FROM events WHERE seq = 3;";
  for (const archive::RegistryObject& object : archive::registrySchema()) {
    if (object.name.rfind("events_append_only", 0) == 0) sql += object.sql + ";";
  }
  const CommandResult cut = sqlite(sql);
  ASSERT_EQ(cut.exitCode, 0) << cut.err;
  const json report = auditJson(5);
  std::size_t head = 0;
  for (const json& issue : report["issues"]) {
    if (issue["code"] != "archive.event-head") continue;
    ++head;
    EXPECT_NE(issue["message"].get<std::string>().find("events were removed from the end"), std::string::npos)
        << issue.dump();
  }
  EXPECT_EQ(head, 1u) << report.dump(1);
  EXPECT_EQ(report["issues"].size(), 1u) << report.dump(1);
}

TEST_F(ArchiveAudit, AMissingHeadFileIsAFailure) {
  ASSERT_TRUE(fs::remove(layout().registryPath() + ".head"));
  const json report = auditJson(5);
  bool found = false;
  for (const json& issue : report["issues"]) found |= issue["code"] == "archive.event-head";
  EXPECT_TRUE(found) << report.dump(1);
  // The audit's own event rewrote it: the next audit is clean.
  auditJson(0);
}

TEST_F(ArchiveAudit, WithThePolicyEverySignatureIsVerifiedAgain) {
  const json report = auditJson(0, {"--policy", bureau().policyPath()});
  EXPECT_TRUE(report["signatures"]["checked"]);
  EXPECT_EQ(report["signatures"]["verified"], 2);
}

TEST_F(ArchiveAudit, ASignatureThatNoLongerVerifiesIsAFailure) {
  // The bureau's root is no longer trusted: a policy whose only anchor is a signer's own certificate.
  std::string policy = readFile(bureau().policyPath());
  const std::string anchor = "certificate=\"pki/root.crt\"";
  policy.replace(policy.find(anchor), anchor.size(), "certificate=\"pki/juzhang.crt\"");
  const std::string distrusting = bureau().file("policy-untrusting.xml");
  writeFileAtomically(distrusting, policy);
  const json report = auditJson(5, {"--policy", distrusting});
  std::size_t failed = 0;
  for (const json& issue : report["issues"]) failed += issue["code"] == "archive.signature-invalid";
  EXPECT_EQ(failed, 2u) << report.dump(1);
  EXPECT_EQ(report["signatures"]["verified"], 0);
}

TEST_F(ArchiveAudit, AWorldWritableFileLosesTheWriteBitAsARepair) {
  const std::string pdf = bag(1) + "/data/document.pdf";
  ASSERT_EQ(::chmod(pdf.c_str(), 0666), 0);
  const json report = auditJson(0);
  ASSERT_EQ(report["repairs"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["repairs"][0]["path"], pdf);
  struct stat entry {};
  ::stat(pdf.c_str(), &entry);
  EXPECT_EQ(entry.st_mode & 0777, 0664u);
  expectClean();
}

TEST_F(ArchiveAudit, ALinkPlantedInABagIsNamedAndLeftForTheArchivist) {
  fs::create_symlink("/etc/passwd", bag(0) + "/data/extra.pdf");
  const json report = auditJson(1, {"--deep"});
  std::set<std::string> codes;
  for (const json& issue : report["issues"]) codes.insert(issue["code"].get<std::string>());
  EXPECT_TRUE(codes.count("archive.not-a-regular-file")) << report.dump(1);
  EXPECT_TRUE(fs::is_symlink(bag(0) + "/data/extra.pdf"));
}

// Without --deep only the first good replica is validated as BagIt; the others' bags are listed.
TEST_F(ArchiveAudit, AFilePlantedInACopyIsFoundWithoutDeep) {
  writeFileAtomically(bag(1) + "/data/intruder.txt", "not archived");
  writeFileAtomically(bag(2, 1) + "/notes.txt", "not archived");
  fs::create_directory(bag(2) + "/data/more");
  const json report = auditJson(1);
  std::set<std::string> found;
  for (const json& issue : report["issues"]) {
    if (issue["code"] == "bag.extra")
      found.insert(issue["replica"].get<std::string>() + " " + issue["path"].get<std::string>());
  }
  EXPECT_EQ(found, (std::set<std::string>{root(1) + " data/intruder.txt", root(2) + " notes.txt",
                                          root(2) + " data/more"}))
      << report.dump(1);
  EXPECT_TRUE(fs::exists(bag(1) + "/data/intruder.txt")) << "left for the archivist to move";
}

TEST_F(ArchiveAudit, WhatAnInterruptedIngestLeftIsClearedNotCalledAnUnregisteredBag) {
  const CommandResult killed = ingest(dir, {put(tmp, "reply.pdf", signedSample("reply-inspection-plan"))}, {},
                                      {"GONGWEN_TEST_KILL_AT=archive-bag-renamed"});
  ASSERT_NE(killed.exitCode, 0);
  const json report = auditJson(0);
  std::set<std::string> codes;
  for (const json& issue : report["issues"]) codes.insert(issue["code"].get<std::string>());
  EXPECT_TRUE(codes.count("archive.ingest-interrupted")) << report.dump(1);
  EXPECT_FALSE(codes.count("archive.unregistered-bag")) << report.dump(1);
  EXPECT_EQ(report["documents"], 2);
  expectClean();
}

TEST_F(ArchiveAudit, NoArchiveAndNoRegistryAreClearErrors) {
  const CommandResult none = archiveCli({"audit", "--archive", tmp.file("nothing")});
  EXPECT_EQ(none.exitCode, 3) << none.err;
  EXPECT_NE(none.err.find("error[archive.missing]"), std::string::npos) << none.err;
  fs::remove(layout().registryPath());
  const CommandResult gone = audit();
  EXPECT_EQ(gone.exitCode, 5) << gone.err;
  EXPECT_NE(gone.err.find("error[archive.registry-missing]"), std::string::npos) << gone.err;
  EXPECT_FALSE(fs::exists(layout().registryPath())) << "no empty registry made in its place";
}

}  // namespace
}  // namespace gongwen::testing
