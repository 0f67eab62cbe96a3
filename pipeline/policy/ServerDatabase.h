#pragma once
// The PostgreSQL server database that `--registry postgresql://…` names, shared by the stores that
// many machines use at once: the seal-use register (ServerSealRegister.h), the archive's registry
// (pipeline/archive/ServerArchiveRegistry.h) and the batch state (pipeline/batch/ServerBatchStateStore.h).
// Each keeps its own tables in the one database and creates them on first use.
//
// The URL may carry a password; it never appears in an error (redactedUrl). libpq itself reads a
// password from PGPASSWORD or the PGPASSFILE (~/.pgpass) when the URL has none, which is how a
// deployment should give it (never in argv).

#include <memory>
#include <string>
#include <vector>

#include "pipeline/policy/ServerConnection.h"

namespace gongwen::policy::server {

// Whether `location` names a server database (postgresql:// or postgres://) rather than a file.
bool isServerUrl(const std::string& location);

// A URL given on the command line must carry no password (argv is visible to every user of the
// machine): Error(Usage, "usage.registry-password") when it does, naming PGPASSWORD and PGPASSFILE.
void refuseInlinePassword(const std::string& url);

// The URL with any password (user:PASSWORD@ and password=… parameters) replaced by "***".
std::string redactedUrl(const std::string& url);

// A connection to the database. Throws Error(System, `code`) naming the redacted URL, `what` it is
// for and the server's reason.
std::unique_ptr<Connection> connect(const std::string& url, const std::string& code, const std::string& what);

// The message of a database exception on one line, with the URL's password removed should the
// server or libpq echo it.
std::string reason(const std::exception& error, const std::string& url);

// Advisory lock keys (pg_advisory_xact_lock): one per thing two shards may meet on.
enum class Lock : long long {
  Schema = 0x67770000,           // creating the tables
  SealRegister = 0x67770001,     // the seal-use register's append order
  ArchiveRegistry = 0x67770002,  // ingests (same document, 发文字号) and the event log's order
};
void lock(Transaction& work, Lock key);

// The statements that make `table` append-only: triggers refusing UPDATE, DELETE and TRUNCATE
// through one shared function, created with the first table that needs it.
std::vector<std::string> appendOnlyStatements(Transaction& work, const std::string& table);

// The append-only triggers of `table` that are missing or disabled (empty when all hold): a dropped
// trigger lets rows change without trace.
std::vector<std::string> missingAppendOnlyTriggers(Transaction& work, const std::string& table);

// Whether `table` exists in the database.
bool tableExists(Transaction& work, const std::string& table);

}  // namespace gongwen::policy::server
