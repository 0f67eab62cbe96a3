#pragma once
// Statements of the archive registry: the seal-use register's SQLite helpers (prepare, exec,
// column, Statement) and a binder that inserts one row. Internal to pipeline/archive.

#include <sqlite3.h>

#include <optional>
#include <string>

#include "pipeline/archive/ArchiveRegistry.h"
#include "pipeline/policy/SealRegisterStorage.h"

namespace gongwen::archive {

using policy::storage::column;
using policy::storage::exec;
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

}  // namespace gongwen::archive
