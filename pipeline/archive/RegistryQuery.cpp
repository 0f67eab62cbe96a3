#include "pipeline/archive/RegistryQuery.h"

#include <cstdlib>

namespace gongwen::archive {

namespace sql {
const char* const kInsertDocument = "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
const char* const kInsertSignature = "INSERT INTO signatures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
const char* const kInsertSealUse = "INSERT INTO seal_uses VALUES (?,?,?,?,?,?,?)";
const char* const kInsertFile = "INSERT INTO files VALUES (?,?,?,?)";
const char* const kInsertIncoming = "INSERT INTO incoming VALUES (?,?,?,?,?,?,?,?)";
const char* const kInsertText = "INSERT INTO document_text VALUES (?,?)";
const char* const kIdByPdfSha256 = "SELECT id FROM documents WHERE pdf_sha256 = ?";
const char* const kOutgoingIdByNumber = "SELECT id FROM documents WHERE incoming = 0 AND number = ?";
const char* const kContains = "SELECT id FROM documents WHERE id = ?";
const char* const kDocumentIds = "SELECT id FROM documents ORDER BY seq";
const char* const kNextDocumentSequence = "SELECT coalesce(max(seq), 0) + 1 FROM documents";
const char* const kLastEvent = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";
const char* const kInsertEvent = "INSERT INTO events VALUES (?,?,?,?,?,?,?)";
}  // namespace sql

long long sqlInteger(const SqlValue& value) { return value ? std::strtoll(value->c_str(), nullptr, 10) : 0; }

}  // namespace gongwen::archive
