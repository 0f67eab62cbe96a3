#pragma once
// How the seal-use register lies in SQLite, shared by SealRegister.cpp (opening, appending) and
// SealRegisterCheck.cpp (the full check): the schema as SQLite stores it, the row hash, reading rows.
// Internal to the register (and the archive registry, which reuses the SQLite helpers and
// canonicalFields); everything else goes through SealRegister.h.

#include <sqlite3.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/policy/SealRegister.h"

namespace gongwen::policy::storage {

// The database objects exactly as SQLite stores their CREATE statements in sqlite_master. An
// existing register must hold these and nothing else: a dropped or altered trigger is tampering.
struct SchemaObject {
  const char* type;
  const char* name;
  const char* sql;
};
extern const SchemaObject kSchema[3];

// The previous hash of row 1, and the head of an empty register.
extern const std::string kGenesisHash;

struct StatementFree {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFree>;

// Null when SQLite refuses the statement.
Statement prepare(sqlite3* db, const std::string& sql);
bool exec(sqlite3* db, const std::string& sql);
// exec(), tried again for up to a minute while SQLite refuses it as busy without waiting: it skips
// its busy handler where waiting could deadlock, as when two processes switch a new database to WAL
// at the same moment (two shards starting, two signers' first seal).
bool execWhenFree(sqlite3* db, const std::string& sql);
std::string column(sqlite3_stmt* statement, int index);

// The fields one after the other, each length-prefixed ("3:abc"), so that no two different rows
// give the same bytes to hash. The archive's event log hashes its events the same way.
std::string canonicalFields(std::initializer_list<std::string> fields);

std::string rowHash(long long sequence, const SealUse& use, const std::string& previousHash);

// SELECT of every column readRow() reads, to be followed by WHERE / ORDER BY.
extern const char* const kSelectRows;

struct StoredRow {
  RegisteredSealUse row;
  bool allText = false;  // every field stored as text, as append() writes them
};
StoredRow readRow(sqlite3_stmt* select);

// Whether the row's stored hash follows from its fields, `timeText` being its time as stored.
bool rowHashHolds(const RegisteredSealUse& row, const std::string& timeText);
// What is wrong with `stored` as row `expected` of a chain whose row before has `previousHash`
// ('' when nothing): the one test of a chain, for the SQLite and the server register alike.
std::string chainProblem(const StoredRow& stored, long long expected, const std::string& previousHash);

// The head file of the chain kept at `registerPath` (headFilePath(): "SEQUENCE ROW-HASH"), which the
// archive's event log keeps the same way. Nullopt when there is none; one that does not read as a head
// is reported through `problem`.
std::optional<RegisterHead> readHeadFile(const std::string& registerPath, std::string& problem);
// Replaces it atomically, a termination signal deferred until it is written.
void writeHeadFile(const std::string& registerPath, const RegisterHead& head);

// The whole check (SealRegisterCheck.cpp), inside a transaction the caller holds.
RegisterCheck checkRegister(sqlite3* db, const std::string& path);

}  // namespace gongwen::policy::storage
