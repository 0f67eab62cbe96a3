#include "pipeline/archive/RegistrySchema.h"

#include <string>
#include <vector>

namespace gongwen::archive {

namespace {

struct Table {
  const char* name;
  const char* sql;
};

const Table kTables[] = {
    {"documents", R"sql(CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  number TEXT NOT NULL,
  organ_code TEXT,
  year INTEGER,
  serial INTEGER,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  template TEXT NOT NULL,
  organ TEXT NOT NULL,
  date TEXT NOT NULL,
  classification TEXT NOT NULL,
  copy_number TEXT NOT NULL,
  urgency TEXT NOT NULL,
  incoming INTEGER NOT NULL,
  pdf_sha256 TEXT NOT NULL UNIQUE,
  pdf_size INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
))sql"},
    {"signatures", R"sql(CREATE TABLE signatures (
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  field TEXT NOT NULL,
  step TEXT NOT NULL,
  person TEXT NOT NULL,
  person_name TEXT NOT NULL,
  role TEXT NOT NULL,
  acting_for TEXT NOT NULL,
  subject TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  time_source TEXT NOT NULL,
  is_seal INTEGER NOT NULL,
  PRIMARY KEY (document_id, position)
))sql"},
    {"seal_uses", R"sql(CREATE TABLE seal_uses (
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  seal TEXT NOT NULL,
  step TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  register_seq INTEGER,
  register_hash TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
))sql"},
    {"files", R"sql(CREATE TABLE files (
  document_id TEXT NOT NULL REFERENCES documents(id),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (document_id, path)
))sql"},
    {"incoming", R"sql(CREATE TABLE incoming (
  document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id),
  received_at TEXT NOT NULL,
  sender TEXT NOT NULL,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  urgency TEXT NOT NULL,
  proposal TEXT NOT NULL,
  routed_to TEXT NOT NULL
))sql"},
    {"document_text", R"sql(CREATE TABLE document_text (
  document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id),
  text TEXT NOT NULL
))sql"},
    {"events", R"sql(CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  kind TEXT NOT NULL,
  document_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
))sql"},
    {"loans", R"sql(CREATE TABLE loans (
  loan_id TEXT PRIMARY KEY NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  person TEXT NOT NULL,
  approvers TEXT NOT NULL,
  outsider INTEGER NOT NULL,
  reading_room INTEGER NOT NULL,
  borrowed_at TEXT NOT NULL
))sql"},
    {"loan_returns", R"sql(CREATE TABLE loan_returns (
  loan_id TEXT PRIMARY KEY NOT NULL REFERENCES loans(loan_id),
  returned_at TEXT NOT NULL
))sql"},
};

// An outgoing 发文字号 is taken once; an incoming one is another organ's and may repeat across senders.
const RegistryObject kIndexes[] = {
    {"index", "documents_outgoing_number",
     "CREATE UNIQUE INDEX documents_outgoing_number ON documents(number) WHERE incoming = 0 AND number <> "
     "''"},
    {"index", "events_document", "CREATE INDEX events_document ON events(document_id)"},
    {"index", "loans_document", "CREATE INDEX loans_document ON loans(document_id)"},
};

std::vector<RegistryObject> build() {
  std::vector<RegistryObject> objects;
  for (const Table& table : kTables) objects.push_back({"table", table.name, table.sql});
  for (const RegistryObject& index : kIndexes) objects.push_back(index);
  for (const Table& table : kTables) {
    for (const std::string action : {"UPDATE", "DELETE"}) {
      const std::string name =
          std::string(table.name) + (action == "UPDATE" ? "_append_only_update" : "_append_only_delete");
      objects.push_back({"trigger", name,
                         "CREATE TRIGGER " + name + " BEFORE " + action + " ON " + table.name +
                             "\nBEGIN SELECT RAISE(ABORT, '" + table.name + " is append-only: " + action +
                             " refused'); END"});
    }
  }
  return objects;
}

}  // namespace

const std::vector<RegistryObject>& registrySchema() {
  static const std::vector<RegistryObject> objects = build();
  return objects;
}

}  // namespace gongwen::archive
