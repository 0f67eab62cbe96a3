// End to end: every sample job rendered by `gongwen render`, signed through its whole chain by
// `gongwen sign`, and archived in one `gongwen archive ingest` call; each bag in each replica root is
// valid for our validator and for `sha256sum -c` over both its manifests.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/BagValidator.h"
#include "pipeline/archive/EventLog.h"
#include "tests/archive/ArchiveFixture.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;

TEST(ArchiveSamples, EverySignedSampleIsArchivedAsValidBags) {
  TempDir tmp;
  std::vector<std::string> files;
  for (const std::string& job : sampleJobs()) {
    const std::string name = std::filesystem::path(job).stem().string();
    files.push_back(put(tmp, name + ".pdf", signedSample(name)));
  }
  const std::string dir = tmp.file("archive");
  const CommandResult result = ingest(dir, files);
  ASSERT_EQ(result.exitCode, 0) << result.err;

  const archive::ArchiveLayout layout = archive::openArchive(dir);
  const archive::ArchiveRegistry registry(layout.registryPath(), archive::ArchiveRegistry::Access::ReadOnly);
  const std::vector<std::string> ids = registry.documentIds();
  ASSERT_EQ(ids.size(), files.size());
  for (const std::string& id : ids) {
    const archive::DocumentRecord d = *registry.document(id);
    EXPECT_FALSE(d.number.empty()) << id << " " << d.title;
    EXPECT_FALSE(d.date.empty()) << id << " " << d.title;
    for (std::size_t r = 0; r < archive::kReplicaCount; ++r) {
      const std::string bag = layout.bagPath(r, id);
      for (const archive::BagProblem& problem : archive::validateBag(bag, d.files))
        ADD_FAILURE() << bag << ": " << problem.code << " " << problem.message;
      for (const char* manifest : {"manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
        const CommandResult check =
            run({"sh", "-c", "cd '" + bag + "' && sha256sum --strict -c " + manifest});
        EXPECT_EQ(check.exitCode, 0) << bag << " " << manifest << ": " << check.out << check.err;
      }
    }
  }
  EXPECT_FALSE(archive::verifyEventChain(registry));
  const CommandResult found = archiveCli({"find", "--archive", dir, "--format", "json"});
  ASSERT_EQ(found.exitCode, 0) << found.err;
  EXPECT_EQ(nlohmann::json::parse(found.out).size(), files.size());
}

}  // namespace
}  // namespace gongwen::testing
