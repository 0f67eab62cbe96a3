#include "pipeline/archive/ServerArchiveRegistry.h"

#include "pipeline/archive/RegistryPresence.h"
#include "pipeline/archive/RegistrySchema.h"
#include "pipeline/core/Error.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::archive {

namespace server = policy::server;

namespace {

const char* const kSelectEvents = "SELECT seq, time, kind, document_id, detail, prev_hash, hash FROM events ";

ArchiveEvent readEvent(const server::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

std::vector<std::string> tableNames() {
  std::vector<std::string> tables;
  for (const RegistryObject& object : registrySchema())
    if (object.type == "table") tables.push_back(object.name);
  return tables;
}

// The statement with PostgreSQL's numbered placeholders ($1, $2 …) for SQLite's `?`, which the shared
// statements (RegistryQuery.h) hold nowhere but as placeholders.
std::string numbered(const std::string& sql) {
  std::string out;
  int next = 1;
  for (char c : sql) {
    if (c == '?') {
      out += "$" + std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

ArchiveEvent insertEvent(server::Transaction& work, EventKind kind, const std::string& documentId,
                         const std::string& detailJson, std::time_t when) {
  const std::vector<server::Row> last = work.exec(sql::kLastEvent);
  const ArchiveEvent event =
      followingEvent(last.empty() ? 0 : last[0].integer(0), last.empty() ? "" : last[0].text(1), kind,
                     documentId, detailJson, when);
  work.exec(numbered(sql::kInsertEvent),
            server::parameters(event.sequence, event.time, event.kind, event.documentId, event.detail,
                               event.previousHash, event.hash));
  return event;
}

std::optional<std::string> asText(const std::optional<long long>& value) {
  return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

void insertDocument(server::Transaction& work, const DocumentRecord& d) {
  const std::optional<std::string> year = asText(d.year), serial = asText(d.serial);
  work.exec(
      numbered(sql::kInsertDocument),
      server::parameters(d.id, d.sequence, d.number, d.organCode, year, serial, d.title, d.kind, d.templateId,
                         d.organ, d.date, d.classification, d.copyNumber, d.urgency, d.incoming ? 1 : 0,
                         d.pdfSha256, static_cast<long long>(d.pdfSize), d.pages, d.ingestedAt));
  for (const SignatureRecord& s : d.signatures) {
    work.exec(numbered(sql::kInsertSignature),
              server::parameters(d.id, s.position, s.field, s.step, s.person, s.personName, s.role,
                                 s.actingFor, s.subject, s.signedAt, s.timeSource, s.isSeal ? 1 : 0));
  }
  for (const SealUseRecord& u : d.sealUses) {
    const std::optional<std::string> registerSequence = asText(u.registerSequence);
    work.exec(numbered(sql::kInsertSealUse), server::parameters(d.id, u.position, u.seal, u.step, u.signedAt,
                                                                registerSequence, u.registerHash));
  }
  for (const FileRecord& f : d.files) {
    work.exec(numbered(sql::kInsertFile),
              server::parameters(d.id, f.path, f.sha256, static_cast<long long>(f.size)));
  }
  if (d.incomingEntry) {
    const IncomingRecord& i = *d.incomingEntry;
    work.exec(numbered(sql::kInsertIncoming),
              server::parameters(d.id, i.receivedAt, i.sender, i.title, i.number, i.urgency, i.proposal,
                                 i.routedTo));
  }
  work.exec(numbered(sql::kInsertText), server::parameters(d.id, d.text));
}

// The column names a CREATE TABLE of RegistrySchema.cpp gives, one a line, in order.
std::vector<std::string> createdColumns(const std::string& createTable) {
  std::vector<std::string> columns;
  std::size_t line = createTable.find('\n');
  while (line != std::string::npos) {
    const std::size_t start = createTable.find_first_not_of(' ', line + 1);
    line = createTable.find('\n', start);
    const std::string name = createTable.substr(start, createTable.find(' ', start) - start);
    if (!name.empty() && name != "PRIMARY" && name[0] != ')') columns.push_back(name);
  }
  return columns;
}

std::vector<std::string> serverColumns(server::Transaction& work, const std::string& table) {
  std::vector<std::string> columns;
  for (const server::Row& r : work.exec("SELECT column_name FROM information_schema.columns WHERE "
                                        "table_schema = current_schema() AND table_name = $1 "
                                        "ORDER BY ordinal_position",
                                        server::parameters(table)))
    columns.push_back(r.text(0));
  return columns;
}

// The shared statements (RegistryQuery.h) run in a transaction the registry opened.
class ServerWork : public RegistryWriter {
 public:
  ServerWork(server::Transaction& work, const std::string& url) : work_(work), url_(url) {}

  std::vector<SqlRow> rows(const std::string& sql, const std::vector<SqlValue>& params) override {
    std::vector<SqlRow> rows;
    for (const server::Row& r : work_.exec(numbered(sql), params)) rows.push_back(r.fields());
    return rows;
  }

  void execute(const std::string& sql, const std::vector<SqlValue>& params,
               const std::string& what) override {
    try {
      work_.exec(numbered(sql), params);
    } catch (const std::exception& e) {
      throw systemError("archive.registry-write", server::redactedUrl(url_) + ": cannot write " + what +
                                                      " in the archive registry: " + server::reason(e, url_));
    }
  }

  ArchiveEvent appendEvent(EventKind kind, const std::string& documentId, const std::string& detailJson,
                           std::time_t when) override {
    return insertEvent(work_, kind, documentId, detailJson, when);
  }

 private:
  server::Transaction& work_;
  const std::string& url_;
};

}  // namespace

ServerArchiveRegistry::ServerArchiveRegistry(const std::string& url, RegistryAccess access)
    : url_(url), connection_(server::connect(url, "archive.registry-open", "archive registry")) {
  try {
    if (access == RegistryAccess::ReadOnly) {
      const std::unique_ptr<server::Transaction> work =
          connection_->begin(server::Connection::Mode::ReadOnly);
      created_ = server::tableExists(*work, "documents");
      return;
    }
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::Schema);
    if (access == RegistryAccess::Existing) {
      created_ = server::tableExists(*work, "documents");
    } else if (!server::tableExists(*work, "documents")) {
      for (const RegistryObject& object : registrySchema())
        if (object.type != "trigger") work->exec(object.sql);
      for (const std::string& table : tableNames())
        for (const std::string& statement : server::appendOnlyStatements(*work, table)) work->exec(statement);
    }
    work->commit();
  } catch (const std::exception& e) {
    throw systemError(
        "archive.registry-open",
        server::redactedUrl(url) + ": cannot create the archive registry: " + server::reason(e, url));
  }
  if (!created_) registryMissing("the archive registry in " + server::redactedUrl(url));
}

ServerArchiveRegistry::~ServerArchiveRegistry() = default;

void ServerArchiveRegistry::fail(const std::string& what, const std::exception& e) const {
  throw systemError("archive.registry-write", server::redactedUrl(url_) + ": cannot " + what +
                                                  " in the archive registry: " + server::reason(e, url_));
}

std::optional<std::string> ServerArchiveRegistry::firstText(const std::string& sql,
                                                            const std::string& key) const {
  const std::lock_guard<std::mutex> guard(mutex_);
  if (!created_) return std::nullopt;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    const std::vector<server::Row> found = work->exec(numbered(sql), server::parameters(key));
    if (found.empty()) return std::nullopt;
    return found[0].text(0);
  } catch (const std::exception& e) {
    fail("query", e);
  }
}

std::optional<std::string> ServerArchiveRegistry::idByPdfSha256(const std::string& sha256) const {
  return firstText(sql::kIdByPdfSha256, sha256);
}

std::optional<std::string> ServerArchiveRegistry::outgoingIdByNumber(const std::string& number) const {
  return firstText(sql::kOutgoingIdByNumber, number);
}

bool ServerArchiveRegistry::contains(const std::string& id) const {
  return firstText(sql::kContains, id).has_value();
}

std::vector<std::string> ServerArchiveRegistry::documentIds() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<std::string> ids;
  if (!created_) return ids;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    for (const server::Row& r : work->exec(sql::kDocumentIds)) ids.push_back(r.text(0));
  } catch (const std::exception& e) {
    fail("list the documents", e);
  }
  return ids;
}

long long ServerArchiveRegistry::nextDocumentSequence() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  if (!created_) return 1;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    return work->exec(sql::kNextDocumentSequence).at(0).integer(0);
  } catch (const std::exception& e) {
    fail("read the document sequence", e);
  }
}

void ServerArchiveRegistry::registerDocuments(const std::vector<IngestedDocument>& documents,
                                              std::time_t when) {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::optional<std::string> taken, number;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::ArchiveRegistry);
    for (const IngestedDocument& document : documents) {
      const DocumentRecord& d = document.record;
      if (!d.incoming && !d.number.empty()) {
        const std::vector<server::Row> other =
            work->exec(numbered(sql::kOutgoingIdByNumber), server::parameters(d.number));
        if (!other.empty()) {
          taken = other[0].text(0);
          number = d.number;
          break;
        }
      }
      insertDocument(*work, d);
      insertEvent(*work, EventKind::Ingest, d.id, document.ingestDetail, when);
    }
    if (!taken) work->commit();
  } catch (const std::exception& e) {
    fail("register the documents", e);
  }
  if (taken)
    throw policyError("archive.number-taken", "发文字号 " + *number + " is already archived as " + *taken +
                                                  "; a 发文字号 is given once");
}

ArchiveEvent ServerArchiveRegistry::appendEvent(EventKind kind, const std::string& documentId,
                                                const std::string& detailJson, std::time_t when) {
  const std::lock_guard<std::mutex> guard(mutex_);
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::ArchiveRegistry);
    ArchiveEvent event = insertEvent(*work, kind, documentId, detailJson, when);
    work->commit();
    return event;
  } catch (const std::exception& e) {
    fail(std::string("append the ") + eventKindName(kind) + " event", e);
  }
}

std::vector<ArchiveEvent> ServerArchiveRegistry::events(const std::optional<std::string>& documentId) const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<ArchiveEvent> events;
  if (!created_) return events;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    const std::vector<server::Row> rows =
        documentId ? work->exec(std::string(kSelectEvents) + "WHERE document_id = $1 ORDER BY seq",
                                server::parameters(*documentId))
                   : work->exec(std::string(kSelectEvents) + "ORDER BY seq");
    for (const server::Row& r : rows) events.push_back(readEvent(r));
  } catch (const std::exception& e) {
    fail("read the events", e);
  }
  return events;
}

std::optional<ChainBreak> ServerArchiveRegistry::verifyEvents() const {
  std::string previousHash(64, '0');
  long long expected = 1;
  for (const ArchiveEvent& event : events(std::nullopt)) {
    // TEXT NOT NULL columns hold nothing but text.
    if (std::optional<ChainBreak> broken = eventBreak(event, true, expected, previousHash)) return broken;
    previousHash = event.hash;
    ++expected;
  }
  return std::nullopt;
}

void ServerArchiveRegistry::read(const std::function<void(RegistryReader&)>& body) const {
  const std::lock_guard<std::mutex> guard(mutex_);
  if (!created_)
    throw systemError("archive.registry-open", server::redactedUrl(url_) +
                                                   ": there is no archive registry in this database; check "
                                                   "the --registry URL");
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    ServerWork reader(*work, url_);
    body(reader);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    fail("read", e);
  }
}

void ServerArchiveRegistry::write(const std::function<void(RegistryWriter&)>& body) {
  const std::lock_guard<std::mutex> guard(mutex_);
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadWrite);
    server::lock(*work, server::Lock::ArchiveRegistry);
    ServerWork writer(*work, url_);
    body(writer);
    work->commit();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    fail("write", e);
  }
}

std::vector<SchemaProblem> ServerArchiveRegistry::schemaProblems() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<SchemaProblem> problems;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    for (const RegistryObject& object : registrySchema()) {
      if (object.type == "trigger") continue;
      if (!server::tableExists(*work, object.name)) {
        problems.push_back({object.type, object.name, "missing"});
      } else if (object.type == "table" && serverColumns(*work, object.name) != createdColumns(object.sql)) {
        problems.push_back({object.type, object.name, "not as created (its columns differ)"});
      }
    }
    for (const std::string& table : tableNames())
      for (const std::string& trigger : server::missingAppendOnlyTriggers(*work, table))
        problems.push_back({"trigger", trigger, "missing, disabled or not as created"});
  } catch (const std::exception& e) {
    fail("read the schema", e);
  }
  return problems;
}

std::optional<EventHeadFile> ServerArchiveRegistry::eventHead() const { return std::nullopt; }

}  // namespace gongwen::archive
