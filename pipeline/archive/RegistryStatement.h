#pragma once
// Statements of the archive registry: the seal-use register's SQLite helpers (prepare, exec,
// column, Statement), a binder that inserts one row, and the registry's reader and writer
// (RegistryQuery.h) over SQLite. Internal to pipeline/archive.

#include <sqlite3.h>

#include <optional>
#include <string>

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/archive/RegistryQuery.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::archive {

using policy::storage::column;
using policy::storage::exec;
using policy::storage::execWhenFree;
using policy::storage::prepare;
using policy::storage::Statement;

// Row(registry, "INSERT … VALUES (?,?)").text(a).integer(b).insert("what it is"): binds in order.
class Row {
 public:
  Row(const ArchiveRegistry& registry, const char* sql);
  Row& text(const std::string& value);
  Row& integer(long long value);
  Row& optionalText(const std::optional<std::string>& value);
  Row& optionalInteger(const std::optional<long long>& value);
  // Steps the statement; Error(System, "archive.registry-write") naming `what` when SQLite refuses.
  void insert(const std::string& what);

 private:
  const ArchiveRegistry& registry_;
  Statement statement_;
  int next_ = 1;
};

class SqliteReader : public RegistryReader {
 public:
  explicit SqliteReader(const ArchiveRegistry& registry) : registry_(registry) {}
  std::vector<SqlRow> rows(const std::string& sql, const std::vector<SqlValue>& params) override;

 private:
  const ArchiveRegistry& registry_;
};

// Inside the caller's ArchiveRegistry::Transaction.
class SqliteWriter : public RegistryWriter {
 public:
  explicit SqliteWriter(ArchiveRegistry& registry) : registry_(registry) {}
  std::vector<SqlRow> rows(const std::string& sql, const std::vector<SqlValue>& params) override;
  void execute(const std::string& sql, const std::vector<SqlValue>& params, const std::string& what) override;
  ArchiveEvent appendEvent(EventKind kind, const std::string& documentId, const std::string& detailJson,
                           std::time_t when) override;

 private:
  ArchiveRegistry& registry_;
};

}  // namespace gongwen::archive
