#pragma once
// The statements the SQLite and the server registry share, and the one way they run them: text in,
// text out. Statements are written once, with `?` placeholders as SQLite takes them (the server
// registry numbers them for PostgreSQL), in SQL both databases read the same way. Reads that decode
// rows into records (RegistryReads.h, search, lending) are then written once for both.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/EventLog.h"

namespace gongwen::archive {

using SqlValue = std::optional<std::string>;  // nullopt is NULL
using SqlRow = std::vector<SqlValue>;

// Inside a transaction the store opened (RegistryStore::read).
class RegistryReader {
 public:
  virtual ~RegistryReader() = default;
  // The rows of `sql`, its placeholders bound in order to `params`; numbers read as their decimal
  // text. Throws Error(System, "archive.registry-write") when the database refuses the statement.
  virtual std::vector<SqlRow> rows(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
};

// Inside a write transaction the store opened (RegistryStore::write).
class RegistryWriter : public RegistryReader {
 public:
  // Runs a statement that returns no rows; Error(System, "archive.registry-write") naming `what`.
  virtual void execute(const std::string& sql, const std::vector<SqlValue>& params,
                       const std::string& what) = 0;
  // One event after the last (EventLog.h), committed with the rest of the transaction.
  virtual ArchiveEvent appendEvent(EventKind kind, const std::string& documentId,
                                   const std::string& detailJson, std::time_t when) = 0;
};

// The shared statements.
namespace sql {
extern const char* const kInsertDocument;
extern const char* const kInsertSignature;
extern const char* const kInsertSealUse;
extern const char* const kInsertFile;
extern const char* const kInsertIncoming;
extern const char* const kInsertText;
extern const char* const kIdByPdfSha256;
extern const char* const kOutgoingIdByNumber;
extern const char* const kContains;
extern const char* const kDocumentIds;
extern const char* const kNextDocumentSequence;
extern const char* const kLastEvent;
extern const char* const kInsertEvent;
}  // namespace sql

// The text of a column as a number (0 for NULL or what does not read as one, as SQLite reads it).
long long sqlInteger(const SqlValue& value);

}  // namespace gongwen::archive
