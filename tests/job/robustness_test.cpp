// Broken input never crashes the loader: every truncation of a real job either loads or raises
// a gongwen::Error with one line naming the file; concurrent loads share the schema cache safely.

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/job/JobLoader.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;
using gongwen::testing::sourcePath;
using gongwen::testing::TempDir;

TEST(Robustness, EveryTruncationOfASampleLoadsOrFailsCleanly) {
  const std::string full = readFile(sourcePath("samples/jobs/notice-classified-inspection.xml"));
  TempDir dir;
  const std::string path = dir.file("cut.xml");
  int refused = 0;
  for (size_t length = 0; length < full.size(); length += 37) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << full.substr(0, length);
    try {
      job::loadJob(path);
    } catch (const Error& e) {
      ++refused;
      EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid) << length << ": " << e.what();
      EXPECT_EQ(std::string(e.what()).rfind(path + ":", 0), 0u) << length << ": " << e.what();
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(refused, static_cast<int>((full.size() + 36) / 37));  // no truncated job is complete
}

TEST(Robustness, ConcurrentLoadsAgree) {
  const auto paths = gongwen::testing::sampleJobs();
  ASSERT_FALSE(paths.empty());
  std::vector<std::future<std::string>> results;
  for (int worker = 0; worker < 4; ++worker) {
    results.push_back(std::async(std::launch::async, [&paths] {
      std::string titles;
      for (int round = 0; round < 5; ++round) {
        for (const auto& path : paths) titles += job::loadJob(path).title.value + "\n";
      }
      return titles;
    }));
  }
  const std::string first = results[0].get();
  EXPECT_FALSE(first.empty());
  for (size_t i = 1; i < results.size(); ++i) EXPECT_EQ(results[i].get(), first);
}
