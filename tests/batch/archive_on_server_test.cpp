// The archivist's commands on an archive whose registry is in PostgreSQL (`--registry`), after
// `gongwen batch --registry` archived into it: audit, find, show, export, borrow and return work on
// the server registry and print what they print for the SQLite registry of the same jobs; damage and
// tampering are reported with the same codes; an unreachable server is one error line and changes
// nothing. One server and one batch per suite: each test leaves the archive as it found it.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/archive/RegistrySchema.h"
#include "tests/batch/BatchFixture.h"
#include "tests/support/PostgresServer.h"

namespace gongwen::testing {
namespace {

using nlohmann::json;

enum class Registry { Server, Sqlite };

class ArchiveOnServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = PostgresServer::start(missing_);
    if (!server_) return;
    url_ = server_->createDatabase("archive_on_server");
    bureau_ = std::make_unique<batchfx::BatchBureau>();
    batchfx::writeNotices(*bureau_, 2);
    const CommandResult onServer =
        bureau_->batch({bureau_->jobs(), "--keys", bureau_->keyring(), "--registry", url_, "-j", "1"});
    const CommandResult inSqlite =
        run({gongwenBinary(), "batch", bureau_->jobs(), "--keys", bureau_->keyring(), "--policy",
             bureau_->policy(), "--archive", bureau_->file("sqlite-archive"), "-j", "1"});
    batched_ = onServer.exitCode == 0 && inSqlite.exitCode == 0;
    if (!batched_)
      missing_ = "the batches failed:\n" + onServer.out + onServer.err + inSqlite.out + inSqlite.err;
  }
  static void TearDownTestSuite() {
    bureau_.reset();
    server_.reset();
  }
  void SetUp() override {
    if (!server_) GTEST_SKIP() << missing_;
    ASSERT_TRUE(batched_) << missing_;
  }

  static std::string dir(Registry registry) {
    return registry == Registry::Server ? bureau_->archive() : bureau_->file("sqlite-archive");
  }
  // gongwen archive ACTION ARGS… --archive DIR, with --registry URL for the server's archive.
  static CommandResult archive(Registry registry, std::vector<std::string> args) {
    args.insert(args.begin(), {gongwenBinary(), "archive"});
    args.insert(args.end(), {"--archive", dir(registry)});
    if (registry == Registry::Server) args.insert(args.end(), {"--registry", url_});
    return run(args);
  }
  static json jsonOf(Registry registry, const std::vector<std::string>& args, int exitCode = 0) {
    std::vector<std::string> withFormat = args;
    withFormat.insert(withFormat.end(), {"--format", "json"});
    const CommandResult result = archive(registry, withFormat);
    EXPECT_EQ(result.exitCode, exitCode) << result.out << result.err;
    return json::parse(result.out, nullptr, false);
  }
  // The documents as `find` lists them, without their ids (each registry numbers its own).
  static json found(Registry registry, const std::vector<std::string>& criteria = {}) {
    std::vector<std::string> args = {"find"};
    args.insert(args.end(), criteria.begin(), criteria.end());
    json documents = jsonOf(registry, args);
    for (json& document : documents) document.erase("id");
    return documents;
  }
  static std::string idOf(Registry registry, const std::string& number) {
    const json documents = jsonOf(registry, {"find", "--number", number});
    return documents.size() == 1 ? documents[0]["id"].get<std::string>() : "";
  }
  static std::string bag(Registry registry, std::size_t replica, const std::string& id) {
    return archive::openArchive(dir(registry)).bagPath(replica, id);
  }
  // Every entry of the archive directory with its mode, size and bytes' hash.
  static std::string treeOf(const std::string& root) {
    return run({"sh", "-c",
                "cd '" + root +
                    "' && find . -printf '%p %m %s\\n' | sort && find . -type f -exec sha256sum {} + | sort"})
        .out;
  }
  static std::set<std::string> codes(const json& report) {
    std::set<std::string> found;
    for (const json& issue : report["issues"]) found.insert(issue["code"].get<std::string>());
    return found;
  }

  static inline std::unique_ptr<PostgresServer> server_;
  static inline std::unique_ptr<batchfx::BatchBureau> bureau_;
  static inline std::string missing_, url_;
  static inline bool batched_ = false;
};

const char* const kFirst = "江州环发〔2026〕100号";

TEST_F(ArchiveOnServer, AuditChecksTheServerRegistryAndRecordsItsRunThere) {
  const json report = jsonOf(Registry::Server, {"audit"});
  EXPECT_EQ(report["documents"], 2);
  EXPECT_EQ(report["pdfsProbed"], 2);
  EXPECT_GE(report["events"], 2);
  EXPECT_TRUE(report["repairs"].empty()) << report.dump(1);
  EXPECT_TRUE(report["issues"].empty()) << report.dump(1);
  for (const json& replica : report["replicas"]) EXPECT_EQ(replica["bags"], 2);
  // The same report as on SQLite, key for key.
  const json local = jsonOf(Registry::Sqlite, {"audit"});
  for (const auto& [key, value] : local.items()) EXPECT_TRUE(report.contains(key)) << key;
  EXPECT_EQ(report.size(), local.size());
  EXPECT_NE(server_->query(url_, "SELECT count(*) FROM events WHERE kind = 'audit'"), "0\n");
  // Nothing of it went to the empty SQLite registry the archive directory holds.
  EXPECT_TRUE(
      batchfx::query(archive::openArchive(dir(Registry::Server)).registryPath(), "SELECT * FROM events")
          .empty());
  const CommandResult text = archive(Registry::Server, {"audit"});
  EXPECT_EQ(text.exitCode, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("result: all is well"), std::string::npos) << text.out;
}

// The seals of a batch with --registry were registered in the server's seal-use register: the
// audit checks them there.
TEST_F(ArchiveOnServer, WithThePolicyEverySignatureAndSealIsVerifiedAgainstTheServer) {
  const json report = jsonOf(Registry::Server, {"audit", "--policy", bureau_->policy()});
  EXPECT_TRUE(report["signatures"]["checked"]);
  EXPECT_EQ(report["signatures"]["verified"], 2);
  EXPECT_TRUE(report["issues"].empty()) << report.dump(1);
}

TEST_F(ArchiveOnServer, FindShowsWhatItShowsForTheSqliteRegistry) {
  const json all = found(Registry::Server);
  ASSERT_EQ(all.size(), 2u) << all.dump(1);
  EXPECT_EQ(all, found(Registry::Sqlite));
  EXPECT_EQ(found(Registry::Server, {"--number", "〔2026〕101"}),
            found(Registry::Sqlite, {"--number", "〔2026〕101"}));
  const json byText = found(Registry::Server, {"--text", "第100批 排查"});
  ASSERT_EQ(byText.size(), 1u) << byText.dump(1);
  EXPECT_EQ(byText[0]["number"], kFirst);
  EXPECT_EQ(found(Registry::Server, {"--signer", "juzhang", "--kind", "通知", "--from", "2000-01-01"}).size(),
            2u);
  EXPECT_TRUE(found(Registry::Server, {"--incoming"}).empty());
  // Words of the body, wherever Poppler broke its lines, found by both databases alike.
  const std::vector<std::string> body = {"--text", "事故应急池容量是否满足要求 386家"};
  EXPECT_EQ(found(Registry::Server, body).size(), 2u);
  EXPECT_EQ(found(Registry::Server, body), found(Registry::Sqlite, body));
  EXPECT_TRUE(found(Registry::Server, {"--text", "不在任何文件中的词"}).empty());
  const CommandResult text = archive(Registry::Server, {"find"});
  EXPECT_EQ(text.exitCode, 0) << text.err;
  EXPECT_NE(text.out.find("2 document(s)"), std::string::npos) << text.out;
}

TEST_F(ArchiveOnServer, ShowAndExportReadTheServerRegistry) {
  const std::string id = idOf(Registry::Server, kFirst);
  ASSERT_FALSE(id.empty());
  const json shown = jsonOf(Registry::Server, {"show", id});
  const json local = jsonOf(Registry::Sqlite, {"show", idOf(Registry::Sqlite, kFirst)});
  for (const char* key : {"number", "title", "kind", "organ", "date", "incoming", "pages"})
    EXPECT_EQ(shown[key], local[key]) << key;
  for (const auto& [key, value] : local.items()) EXPECT_TRUE(shown.contains(key)) << key;
  ASSERT_EQ(shown["signatures"].size(), local["signatures"].size());
  for (std::size_t i = 0; i < local["signatures"].size(); ++i)
    EXPECT_EQ(shown["signatures"][i]["step"], local["signatures"][i]["step"]);
  ASSERT_EQ(shown["files"].size(), local["files"].size());
  for (std::size_t i = 0; i < local["files"].size(); ++i)
    EXPECT_EQ(shown["files"][i]["path"], local["files"][i]["path"]);
  ASSERT_FALSE(shown["events"].empty());
  EXPECT_EQ(shown["events"][0]["kind"], "ingest");

  const std::string out = bureau_->file("exported.pdf");
  const CommandResult exported = archive(Registry::Server, {"export", id, "-o", out});
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  EXPECT_NE(exported.out.find("exported " + id + " from the original (fixity checked)"), std::string::npos)
      << exported.out;
  EXPECT_EQ(archive::sha256Hex(readFile(out)), shown["pdfSha256"]);
  std::filesystem::remove(out);

  const CommandResult unknown = archive(Registry::Server, {"show", "2026-999999"});
  EXPECT_EQ(unknown.exitCode, 3);
  EXPECT_NE(unknown.err.find("error[archive.unknown-id]"), std::string::npos) << unknown.err;
}

TEST_F(ArchiveOnServer, LendingIsRegisteredOnTheServer) {
  const std::string id = idOf(Registry::Server, kFirst);
  const CommandResult refused = archive(Registry::Server, {"borrow", id, "--policy", bureau_->policy(),
                                                           "--as", "chengban", "--format", "json"});
  EXPECT_EQ(refused.exitCode, 4) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("error[policy.loan-approval-missing]"), std::string::npos) << refused.err;
  EXPECT_EQ(server_->query(url_, "SELECT kind FROM events ORDER BY seq DESC LIMIT 1"), "refusal\n");

  const json loan = jsonOf(Registry::Server, {"borrow", id, "--policy", bureau_->policy(), "--as", "chengban",
                                              "--approved-by", "fenguan-liu"});
  EXPECT_EQ(loan["document"], id);
  EXPECT_TRUE(loan["returnedAt"].is_null());
  const std::string loanId = loan["loan"];
  EXPECT_EQ(server_->query(url_, "SELECT person FROM loans WHERE loan_id = '" + loanId + "'"), "chengban\n");
  json onLoan = jsonOf(Registry::Server, {"find", "--number", kFirst});
  ASSERT_EQ(onLoan.size(), 1u);
  EXPECT_TRUE(onLoan[0]["onLoan"]);

  const json returned = jsonOf(Registry::Server, {"return", loanId});
  EXPECT_FALSE(returned["returnedAt"].is_null());
  onLoan = jsonOf(Registry::Server, {"find", "--number", kFirst});
  EXPECT_FALSE(onLoan[0]["onLoan"]);
  const CommandResult again = archive(Registry::Server, {"return", loanId});
  EXPECT_EQ(again.exitCode, 3);
  EXPECT_NE(again.err.find("error[archive.loan-returned]"), std::string::npos) << again.err;
  // The SQLite registry of the directory was never written to.
  EXPECT_TRUE(
      batchfx::query(archive::openArchive(dir(Registry::Server)).registryPath(), "SELECT * FROM loans")
          .empty());
}

TEST_F(ArchiveOnServer, DamageToAReplicaIsReportedAsOnSqlite) {
  std::vector<std::string> repairs;
  std::vector<std::set<std::string>> issueCodes;
  for (Registry registry : {Registry::Server, Registry::Sqlite}) {
    const std::string id = idOf(registry, kFirst);
    const std::string pdf = bag(registry, 1, id) + "/data/document.pdf";
    std::string bytes = readFile(pdf);
    bytes.at(bytes.size() / 2) ^= 0x20;
    WriteOptions rewrite;
    rewrite.replacesInput = true;
    writeFileAtomically(pdf, bytes, rewrite);
    const std::string extra = bag(registry, 2, id) + "/data/stray.txt";
    writeFileAtomically(extra, "not registered");

    const json report = jsonOf(registry, {"audit"}, 1);
    ASSERT_EQ(report["repairs"].size(), 1u) << report.dump(1);
    EXPECT_EQ(report["repairs"][0]["path"], "data/document.pdf");
    const std::string problem = report["repairs"][0]["problem"];
    repairs.push_back(problem.substr(0, problem.find(':')));  // then the hashes, each archive's own
    issueCodes.push_back(codes(report));
    std::filesystem::remove(extra);
    const json clean = jsonOf(registry, {"audit"});
    EXPECT_TRUE(clean["repairs"].empty() && clean["issues"].empty()) << clean.dump(1);
  }
  EXPECT_EQ(repairs[0], "altered");
  EXPECT_EQ(repairs[0], repairs[1]);
  EXPECT_EQ(issueCodes[0], (std::set<std::string>{"bag.extra"}));
  EXPECT_EQ(issueCodes[0], issueCodes[1]);
}

// A dropped trigger and an edited event, made with the database's own client, are found on the
// server as in SQLite; put back, the audit is clean again.
TEST_F(ArchiveOnServer, ADroppedTriggerAndAnEditedEventAreFoundAsOnSqlite) {
  const std::string detail = server_->query(url_, "SELECT detail FROM events WHERE seq = 1");
  ASSERT_EQ(server_
                ->psql(url_,
                       "DROP TRIGGER events_append_only_update ON events; UPDATE events SET detail = "
                       "'{\"edited\":true}' WHERE seq = 1")
                .exitCode,
            0);
  const std::string sqliteRegistry = archive::openArchive(dir(Registry::Sqlite)).registryPath();
  const std::string sqliteDetail =
      batchfx::query(sqliteRegistry, "SELECT detail FROM events WHERE seq = 1")[0][0];
  ASSERT_EQ(
      run({"sqlite3", sqliteRegistry,
           "DROP TRIGGER events_append_only_update; UPDATE events SET detail = '{\"edited\":true}' WHERE "
           "seq = 1"})
          .exitCode,
      0);

  const json onServer = jsonOf(Registry::Server, {"audit"}, 5);
  const json local = jsonOf(Registry::Sqlite, {"audit"}, 5);
  EXPECT_EQ(codes(onServer), (std::set<std::string>{"archive.registry-schema", "archive.event-chain"}))
      << onServer.dump(1);
  EXPECT_EQ(codes(onServer), codes(local)) << local.dump(1);

  std::string trigger;
  for (const archive::RegistryObject& object : archive::registrySchema())
    if (object.name == "events_append_only_update") trigger = object.sql;
  ASSERT_EQ(server_
                ->psql(url_, "UPDATE events SET detail = '" + detail.substr(0, detail.size() - 1) +
                                 "' WHERE seq = 1; CREATE TRIGGER events_append_only_update BEFORE UPDATE ON "
                                 "events FOR EACH ROW EXECUTE FUNCTION gongwen_append_only()")
                .exitCode,
            0);
  ASSERT_EQ(run({"sqlite3", sqliteRegistry,
                 "UPDATE events SET detail = '" + sqliteDetail + "' WHERE seq = 1; " + trigger + ";"})
                .exitCode,
            0);
  for (Registry registry : {Registry::Server, Registry::Sqlite}) {
    const json clean = jsonOf(registry, {"audit"});
    EXPECT_TRUE(clean["issues"].empty()) << clean.dump(1);
  }
}

TEST_F(ArchiveOnServer, AnUnreachableServerIsOneErrorLineAndNothingIsWritten) {
  const std::string id = idOf(Registry::Server, kFirst);
  const std::string before = treeOf(dir(Registry::Server));
  const std::string out = bureau_->file("never.pdf");
  const std::string unreachable = "postgresql://gongwen@127.0.0.1:1/archive_on_server";
  const std::vector<std::vector<std::string>> commands = {
      {"audit"},
      {"find"},
      {"show", id},
      {"export", id, "-o", out},
      {"borrow", id, "--policy", bureau_->policy(), "--as", "chengban", "--approved-by", "fenguan-liu"},
      {"return", "LOAN-000001"}};
  for (std::vector<std::string> args : commands) {
    const std::string action = args[0];
    args.insert(args.begin(), {gongwenBinary(), "archive"});
    args.insert(args.end(), {"--archive", dir(Registry::Server), "--registry", unreachable});
    const CommandResult result = run(args);
    EXPECT_EQ(result.exitCode, 6) << action << ": " << result.out << result.err;
    EXPECT_EQ(result.err.rfind("gongwen archive " + action + ": error[archive.registry-open]: ", 0), 0u)
        << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(treeOf(dir(Registry::Server)), before);

  const CommandResult withPassword =
      run({gongwenBinary(), "archive", "find", "--archive", dir(Registry::Server), "--registry",
           "postgresql://gongwen:pw-in-argv@127.0.0.1/db"});
  EXPECT_EQ(withPassword.exitCode, 2);
  EXPECT_NE(withPassword.err.find("error[usage.registry-password]"), std::string::npos) << withPassword.err;
  EXPECT_EQ(withPassword.err.find("pw-in-argv"), std::string::npos) << withPassword.err;
}

// A database without the archive's tables holds no registry: writers refuse it as a missing registry
// (and create nothing), readers as no registry.
TEST_F(ArchiveOnServer, ADatabaseWithoutTheRegistryIsRefusedAndLeftEmpty) {
  const std::string empty = server_->createDatabase("archive_on_server_empty");
  const std::string id = idOf(Registry::Server, kFirst);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"audit"},
        {"borrow", id, "--policy", bureau_->policy(), "--as", "chengban", "--approved-by", "fenguan-liu"}}) {
    std::vector<std::string> argv = {gongwenBinary(), "archive"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--archive", dir(Registry::Server), "--registry", empty});
    const CommandResult result = run(argv);
    EXPECT_EQ(result.exitCode, 5) << result.out << result.err;
    EXPECT_NE(result.err.find("error[archive.registry-missing]"), std::string::npos) << result.err;
  }
  const CommandResult find =
      run({gongwenBinary(), "archive", "find", "--archive", dir(Registry::Server), "--registry", empty});
  EXPECT_EQ(find.exitCode, 6) << find.out << find.err;
  EXPECT_NE(find.err.find("error[archive.registry-open]"), std::string::npos) << find.err;
  EXPECT_EQ(
      server_->query(empty, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
      "0\n");
}

}  // namespace
}  // namespace gongwen::testing
