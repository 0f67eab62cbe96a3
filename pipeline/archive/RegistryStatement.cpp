#include "pipeline/archive/RegistryStatement.h"

namespace gongwen::archive {

Row::Row(const ArchiveRegistry& registry, const char* sql)
    : registry_(registry), statement_(prepare(registry.db(), sql)) {
  if (!statement_) registry_.fail("prepare a statement");
}

Row& Row::text(const std::string& value) {
  sqlite3_bind_text(statement_.get(), next_++, value.c_str(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Row& Row::integer(long long value) {
  sqlite3_bind_int64(statement_.get(), next_++, value);
  return *this;
}

Row& Row::optionalText(const std::optional<std::string>& value) {
  if (value) return text(*value);
  sqlite3_bind_null(statement_.get(), next_++);
  return *this;
}

Row& Row::optionalInteger(const std::optional<long long>& value) {
  if (value) return integer(*value);
  sqlite3_bind_null(statement_.get(), next_++);
  return *this;
}

void Row::insert(const std::string& what) {
  if (sqlite3_step(statement_.get()) != SQLITE_DONE) registry_.fail("write " + what);
}

}  // namespace gongwen::archive
