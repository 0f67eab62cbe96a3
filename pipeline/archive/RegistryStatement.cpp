#include "pipeline/archive/RegistryStatement.h"

namespace gongwen::archive {

namespace {

Statement bound(const ArchiveRegistry& registry, const std::string& sql,
                const std::vector<SqlValue>& params) {
  Statement statement = prepare(registry.db(), sql);
  if (!statement) registry.fail("prepare a statement");
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (params[i]) {
      sqlite3_bind_text(statement.get(), index, params[i]->c_str(), static_cast<int>(params[i]->size()),
                        SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(statement.get(), index);
    }
  }
  return statement;
}

std::vector<SqlRow> sqliteRows(const ArchiveRegistry& registry, const std::string& sql,
                               const std::vector<SqlValue>& params) {
  Statement select = bound(registry, sql, params);
  sqlite3_stmt* s = select.get();
  std::vector<SqlRow> rows;
  int step;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    SqlRow& row = rows.emplace_back();
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      if (sqlite3_column_type(s, i) == SQLITE_NULL) {
        row.emplace_back();
      } else {
        row.emplace_back(column(s, i));
      }
    }
  }
  if (step != SQLITE_DONE) registry.fail("read");
  return rows;
}

}  // namespace

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

std::vector<SqlRow> SqliteReader::rows(const std::string& sql, const std::vector<SqlValue>& params) {
  return sqliteRows(registry_, sql, params);
}

std::vector<SqlRow> SqliteWriter::rows(const std::string& sql, const std::vector<SqlValue>& params) {
  return sqliteRows(registry_, sql, params);
}

void SqliteWriter::execute(const std::string& sql, const std::vector<SqlValue>& params,
                           const std::string& what) {
  if (sqlite3_step(bound(registry_, sql, params).get()) != SQLITE_DONE) registry_.fail("write " + what);
}

ArchiveEvent SqliteWriter::appendEvent(EventKind kind, const std::string& documentId,
                                       const std::string& detailJson, std::time_t when) {
  return archive::appendEvent(registry_, kind, documentId, detailJson, when);
}

}  // namespace gongwen::archive
