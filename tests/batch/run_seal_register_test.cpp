// The run's seal-use register (pipeline/batch/RunSealRegister.h) keeps the rows it has read: a later
// entries() still has every row the register holds, those appended by another process meanwhile
// (a shard, a hand `gongwen sign`) and its own, in order.

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/batch/RunSealRegister.h"
#include "pipeline/policy/SealRegister.h"
#include "tests/support/TestSupport.h"

namespace gongwen::batch {
namespace {

policy::SealUse sealOf(char document) {
  return {1764400000, "administrative-seal", std::string(64, document),
          "bangong",  "administrative-seal", "juzhang",
          ""};
}

std::vector<std::string> digestsOf(const std::vector<policy::RegisteredSealUse>& rows) {
  std::vector<std::string> digests;
  for (const auto& row : rows) digests.push_back(row.use.documentDigest.substr(0, 1));
  return digests;
}

TEST(RunSealRegister, EntriesHaveTheRowsAppendedSinceTheLastReadByThisRunAndByOthers) {
  ::gongwen::testing::TempDir dir;
  const std::string path = (std::filesystem::path(dir.path()) / "seal-uses.sqlite").string();
  RunSealRegister run(path, nullptr);
  EXPECT_TRUE(run.entries().empty());
  policy::SealRegister(path).append(sealOf('a'));  // another process
  EXPECT_EQ(digestsOf(run.entries()), (std::vector<std::string>{"a"}));
  run.append(sealOf('b'));
  policy::SealRegister(path).append(sealOf('c'));
  const std::vector<policy::RegisteredSealUse> rows = run.entries();
  EXPECT_EQ(digestsOf(rows), (std::vector<std::string>{"a", "b", "c"}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].sequence, static_cast<long long>(i + 1));
    EXPECT_TRUE(rows[i].hashHolds);
  }
  EXPECT_EQ(run.entries().size(), 3u);
  EXPECT_TRUE(run.check().ok());
}

}  // namespace
}  // namespace gongwen::batch
