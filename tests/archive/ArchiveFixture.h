#pragma once
// What the archive tests share: sample jobs rendered by `gongwen render` and signed through their
// whole chain by `gongwen sign` (made once per test program), `gongwen archive …` runs, and a hash
// of a whole directory tree (names, modes, bytes) to prove that a refusal left an archive as it was.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/archive/Digest.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/signing/SampleChains.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing::archivefx {

namespace fs = std::filesystem;
using verifyfx::bureau;

// `job` rendered and signed through its whole chain, cached by the job's text.
inline const std::string& signedJob(const std::string& jobText) {
  static std::map<std::string, std::string> cache;
  auto found = cache.find(jobText);
  if (found != cache.end()) return found->second;
  TempDir work;
  writeFileAtomically(work.file("job.xml"), jobText);
  const CommandResult render =
      run({gongwenBinary(), "render", work.file("job.xml"), "-o", work.file("out.pdf")});
  if (render.exitCode != 0) throw std::runtime_error("render failed: " + render.err);
  return cache[jobText] = verifyfx::signWholeChain(readFile(work.file("out.pdf")));
}

inline std::string sampleJobText(const std::string& name) {
  return readFile(sourcePath("samples/jobs/" + name + ".xml"));
}

// A sample job with its 发文字号 and title changed: another document of the same kind.
inline std::string variantJob(const std::string& name, const std::string& number, const std::string& title) {
  std::string job = sampleJobText(name);
  const std::size_t numberAt = job.find("<docNumber>") + 11;
  job.replace(numberAt, job.find("</docNumber>") - numberAt, number);
  const std::size_t titleAt = job.find("<title>") + 7;
  job.replace(titleAt, job.find("</title>") - titleAt, title);
  return job;
}

inline const std::string& signedSample(const std::string& name) { return signedJob(sampleJobText(name)); }

// Writes `pdf` as `dir/name` and returns the path.
inline std::string put(const TempDir& dir, const std::string& name, const std::string& bytes) {
  writeFileAtomically(dir.file(name), bytes);
  return dir.file(name);
}

inline CommandResult archiveCli(const std::vector<std::string>& args,
                                const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv = {gongwenBinary(), "archive"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, env);
}

inline CommandResult ingest(const std::string& archive, const std::vector<std::string>& files,
                            const std::vector<std::string>& extra = {},
                            const std::vector<std::string>& env = {}) {
  std::vector<std::string> args = {"ingest"};
  args.insert(args.end(), files.begin(), files.end());
  args.insert(args.end(), {"--archive", archive, "--policy", bureau().policyPath()});
  args.insert(args.end(), extra.begin(), extra.end());
  return archiveCli(args, env);
}

// Every entry under `root` (sorted): its relative path, type, mode and, for files, SHA-256.
inline std::string treeHash(const std::string& root) {
  std::vector<std::string> lines;
  std::error_code absent;
  if (!fs::exists(root, absent)) return "(none)";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::file_status status = entry.symlink_status();
    std::string line = fs::relative(entry.path(), root).string() + " " +
                       std::to_string(static_cast<int>(status.type())) + " " +
                       std::to_string(static_cast<unsigned>(status.permissions()));
    if (fs::is_regular_file(status)) line += " " + archive::sha256Hex(readFile(entry.path().string()));
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const std::string& line : lines) all += line + "\n";
  return all;
}

}  // namespace gongwen::testing::archivefx
