#include "pipeline/archive/ServerArchiveRegistry.h"

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

ArchiveEvent insertEvent(server::Transaction& work, EventKind kind, const std::string& documentId,
                         const std::string& detailJson, std::time_t when) {
  const std::vector<server::Row> last = work.exec("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  const ArchiveEvent event =
      followingEvent(last.empty() ? 0 : last[0].integer(0), last.empty() ? "" : last[0].text(1), kind,
                     documentId, detailJson, when);
  work.exec("INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7)",
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
      "INSERT INTO documents VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)",
      server::parameters(d.id, d.sequence, d.number, d.organCode, year, serial, d.title, d.kind, d.templateId,
                         d.organ, d.date, d.classification, d.copyNumber, d.urgency, d.incoming ? 1 : 0,
                         d.pdfSha256, static_cast<long long>(d.pdfSize), d.pages, d.ingestedAt));
  for (const SignatureRecord& s : d.signatures) {
    work.exec("INSERT INTO signatures VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
              server::parameters(d.id, s.position, s.field, s.step, s.person, s.personName, s.role,
                                 s.actingFor, s.subject, s.signedAt, s.timeSource, s.isSeal ? 1 : 0));
  }
  for (const SealUseRecord& u : d.sealUses) {
    const std::optional<std::string> registerSequence = asText(u.registerSequence);
    work.exec(
        "INSERT INTO seal_uses VALUES ($1,$2,$3,$4,$5,$6,$7)",
        server::parameters(d.id, u.position, u.seal, u.step, u.signedAt, registerSequence, u.registerHash));
  }
  for (const FileRecord& f : d.files) {
    work.exec("INSERT INTO files VALUES ($1,$2,$3,$4)",
              server::parameters(d.id, f.path, f.sha256, static_cast<long long>(f.size)));
  }
  if (d.incomingEntry) {
    const IncomingRecord& i = *d.incomingEntry;
    work.exec("INSERT INTO incoming VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
              server::parameters(d.id, i.receivedAt, i.sender, i.title, i.number, i.urgency, i.proposal,
                                 i.routedTo));
  }
  work.exec("INSERT INTO document_text VALUES ($1,$2)", server::parameters(d.id, d.text));
}

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
    if (!server::tableExists(*work, "documents")) {
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
    const std::vector<server::Row> found = work->exec(sql, server::parameters(key));
    if (found.empty()) return std::nullopt;
    return found[0].text(0);
  } catch (const std::exception& e) {
    fail("query", e);
  }
}

std::optional<std::string> ServerArchiveRegistry::idByPdfSha256(const std::string& sha256) const {
  return firstText("SELECT id FROM documents WHERE pdf_sha256 = $1", sha256);
}

std::optional<std::string> ServerArchiveRegistry::outgoingIdByNumber(const std::string& number) const {
  return firstText("SELECT id FROM documents WHERE incoming = 0 AND number = $1", number);
}

bool ServerArchiveRegistry::contains(const std::string& id) const {
  return firstText("SELECT id FROM documents WHERE id = $1", id).has_value();
}

std::vector<std::string> ServerArchiveRegistry::documentIds() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<std::string> ids;
  if (!created_) return ids;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    for (const server::Row& r : work->exec("SELECT id FROM documents ORDER BY seq")) ids.push_back(r.text(0));
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
    return work->exec("SELECT coalesce(max(seq), 0) + 1 FROM documents").at(0).integer(0);
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
        const std::vector<server::Row> other = work->exec(
            "SELECT id FROM documents WHERE incoming = 0 AND number = $1", server::parameters(d.number));
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

std::vector<std::string> ServerArchiveRegistry::missingTriggers() const {
  const std::lock_guard<std::mutex> guard(mutex_);
  std::vector<std::string> missing;
  try {
    const std::unique_ptr<server::Transaction> work = connection_->begin(server::Connection::Mode::ReadOnly);
    for (const std::string& table : tableNames())
      for (const std::string& trigger : server::missingAppendOnlyTriggers(*work, table))
        missing.push_back(trigger);
  } catch (const std::exception& e) {
    fail("read the triggers", e);
  }
  return missing;
}

}  // namespace gongwen::archive
