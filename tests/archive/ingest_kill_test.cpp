// `gongwen archive ingest` of a batch killed with SIGKILL at every step where a crash could leave a
// bag half-placed (GONGWEN_TEST_KILL_AT, pipeline/core/KillPoint.h) and at random times. After each
// kill, find shows only documents whose three bags are complete; a rerun completes the batch with
// every document registered once, every bag valid, nothing left over, and the event chain whole.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/EventLog.h"
#include "tests/archive/ArchiveFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;
using archive::ArchiveRegistry;

const std::vector<std::string> kBatch = {"notice-risk-inspection", "report-annual-work",
                                         "reply-inspection-plan", "request-special-funds"};

class KilledIngest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One document archived before: recovery must never touch what is registered.
    ASSERT_EQ(ingest(dir, {put(tmp, "before.pdf", signedSample("report-emergency-response"))}).exitCode, 0);
    for (const std::string& name : kBatch) files.push_back(put(tmp, name + ".pdf", signedSample(name)));
  }

  // What any moment may show: registered documents have their three bags, valid and as registered;
  // find lists exactly the registered documents.
  void expectNothingPartialVisible() {
    const archive::ArchiveLayout layout = archive::openArchive(dir);
    const ArchiveRegistry registry(layout.registryPath(), ArchiveRegistry::Access::ReadOnly);
    const std::vector<std::string> ids = registry.documentIds();
    for (const std::string& id : ids) {
      const archive::DocumentRecord d = *registry.document(id);
      for (std::size_t r = 0; r < archive::kReplicaCount; ++r)
        EXPECT_TRUE(archive::validateBag(layout.bagPath(r, id), d.files).empty())
            << id << " in replica " << r;
    }
    const CommandResult found = archiveCli({"find", "--archive", dir, "--format", "json"});
    ASSERT_EQ(found.exitCode, 0) << found.err;
    std::set<std::string> foundIds;
    for (const auto& d : nlohmann::json::parse(found.out)) foundIds.insert(d.at("id").get<std::string>());
    EXPECT_EQ(foundIds, std::set<std::string>(ids.begin(), ids.end()));
  }

  // After a rerun: the whole batch, once each, and nothing else in the roots.
  void expectBatchComplete() {
    expectNothingPartialVisible();
    const archive::ArchiveLayout layout = archive::openArchive(dir);
    const ArchiveRegistry registry(layout.registryPath(), ArchiveRegistry::Access::ReadOnly);
    const std::vector<std::string> ids = registry.documentIds();
    EXPECT_EQ(ids.size(), kBatch.size() + 1);
    for (const std::string& name : kBatch)
      EXPECT_TRUE(registry.idByPdfSha256(archive::sha256Hex(signedSample(name)))) << name;
    for (const std::string& root : layout.replicas()) {
      std::set<std::string> entries;
      for (const auto& entry : std::filesystem::directory_iterator(root))
        entries.insert(entry.path().filename());
      EXPECT_EQ(entries, std::set<std::string>(ids.begin(), ids.end())) << root;
    }
    EXPECT_FALSE(std::filesystem::exists(dir + "/ingest-journal"));
    EXPECT_FALSE(archive::verifyEventChain(registry));
    EXPECT_EQ(archive::readEvents(registry).size(), ids.size());
  }

  TempDir tmp;
  std::string dir = tmp.file("archive");
  std::vector<std::string> files;
};

class KilledAtStep : public KilledIngest, public ::testing::WithParamInterface<std::string> {};

TEST_P(KilledAtStep, ARerunCompletesTheBatch) {
  const CommandResult killed = ingest(dir, files, {}, {"GONGWEN_TEST_KILL_AT=" + GetParam()});
  ASSERT_EQ(killed.exitCode, 128 + SIGKILL) << "the kill point was not reached: " << killed.out << killed.err;
  expectNothingPartialVisible();
  const CommandResult rerun = ingest(dir, files);
  ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
  expectBatchComplete();
}

INSTANTIATE_TEST_SUITE_P(Steps, KilledAtStep,
                         ::testing::Values("temporary-written#1", "archive-journal-written",
                                           "archive-bag-written#1", "archive-bag-written#5",
                                           "archive-bag-written#12", "archive-bag-renamed#1",
                                           "archive-bag-renamed#6", "archive-bag-renamed#12",
                                           "archive-registering", "archive-registered",
                                           "archive-journal-removed"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-' || c == '#') c = '_';
                           return name;
                         });

TEST_F(KilledIngest, AtRandomTimesEachRerunCompletes) {
  // How long the batch takes here: kills are spread over it.
  TempDir timing;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(ingest(timing.file("archive"), files).exitCode, 0);
  const auto whole =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const unsigned seed = std::random_device()();
  std::mt19937 random(seed);
  std::uniform_int_distribution<long long> delay(0, whole.count());
  std::vector<std::string> argv = {gongwenBinary(), "archive", "ingest"};
  argv.insert(argv.end(), files.begin(), files.end());
  argv.insert(argv.end(), {"--archive", dir, "--policy", bureau().policyPath()});
  for (int i = 0; i < testScale(6, 3); ++i) {
    const std::chrono::microseconds after(delay(random));
    SCOPED_TRACE("seed " + std::to_string(seed) + ", run " + std::to_string(i) + ": SIGKILL after " +
                 std::to_string(after.count()) + " µs");
    ASSERT_GE(runAndKillAfter(argv, {}, after, SIGKILL), 0);
    expectNothingPartialVisible();
  }
  const CommandResult rerun = ingest(dir, files);
  ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
  expectBatchComplete();
}

}  // namespace
}  // namespace gongwen::testing
