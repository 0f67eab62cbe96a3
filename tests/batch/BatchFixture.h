#pragma once
// What the batch tests share: a bureau of their own in a temporary directory (the sample policy
// with its own seal-use register, the seal images, the shared test PKI linked in as pki/, and
// samples/keyring.xml beside it), jobs made from the samples, `gongwen batch` runs of the real
// binary, and readers of what a run leaves: its --report, the archive's registry and the seal
// register.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/policy/PolicyTestData.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing::batchfx {

namespace fs = std::filesystem;

class BatchBureau {
 public:
  BatchBureau() {
    const TestPki& pki = TestPki::instance();
    if (!pki.ok()) throw std::runtime_error("make-test-pki.sh failed: " + pki.failure());
    writeFileAtomically(policy(), samplePolicyText());
    fs::copy(sourcePath("samples/seals"), dir_.file("seals"));
    fs::create_directory_symlink(fs::read_symlink(pki.dir() + "/pki"), dir_.file("pki"));
    writeFileAtomically(keyring(), readFile(sourcePath("samples/keyring.xml")));
    fs::create_directories(jobs());
  }
  std::string policy() const { return dir_.file("policy.xml"); }
  std::string keyring() const { return dir_.file("keyring.xml"); }
  std::string archive() const { return dir_.file("archive"); }
  std::string jobs() const { return dir_.file("jobs"); }
  std::string registerPath() const { return dir_.file("registry/seal-uses.sqlite"); }
  std::string file(const std::string& name) const { return dir_.file(name); }

  // A keyring without these holders' lines (samples/keyring.xml has one line per holder).
  std::string keyringWithout(const std::vector<std::string>& holders, const std::string& name) const {
    std::string text = readFile(keyring()), kept;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at) + 1;
      const std::string line = text.substr(at, end - at);
      bool drop = false;
      for (const std::string& holder : holders)
        drop = drop || line.find("person=\"" + holder + "\"") != std::string::npos ||
               line.find("seal=\"" + holder + "\"") != std::string::npos;
      if (!drop) kept += line;
      at = end;
    }
    writeFileAtomically(file(name), kept);
    return file(name);
  }

  CommandResult batch(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
    args.insert(args.begin(), {gongwenBinary(), "batch"});
    args.insert(args.end(), {"--policy", policy(), "--archive", archive()});
    return run(args, env);
  }

 private:
  TempDir dir_;
};

inline std::string sampleJobText(const std::string& name) {
  return readFile(sourcePath("samples/jobs/" + name + ".xml"));
}

// A sample job with another 发文字号 and title: another document of the same kind.
inline std::string variantJob(const std::string& name, const std::string& number, const std::string& title) {
  std::string job = sampleJobText(name);
  const std::size_t numberAt = job.find("<docNumber>") + 11;
  job.replace(numberAt, job.find("</docNumber>") - numberAt, number);
  const std::size_t titleAt = job.find("<title>") + 7;
  job.replace(titleAt, job.find("</title>") - titleAt, title);
  return job;
}

// `count` notices of the bureau, each its own 发文字号, written as jobs/notice-N.xml.
inline void writeNotices(const BatchBureau& bureau, int count, int firstNumber = 100) {
  for (int i = 0; i < count; ++i) {
    const int n = firstNumber + i;
    writeFileAtomically(bureau.jobs() + "/notice-" + std::to_string(n) + ".xml",
                        variantJob("notice-risk-inspection", "江州环发〔2026〕" + std::to_string(n) + "号",
                                   "关于开展第" + std::to_string(n) + "批环境风险隐患排查的通知"));
  }
}

inline nlohmann::json readReport(const std::string& path) { return nlohmann::json::parse(readFile(path)); }

// The rows of one query on an SQLite file, each column as text.
inline std::vector<std::vector<std::string>> query(const std::string& database, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::vector<std::string>> rows;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
      while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
          const unsigned char* text = sqlite3_column_text(statement, c);
          row.push_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        rows.push_back(row);
      }
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return rows;
}

}  // namespace gongwen::testing::batchfx
