#include "pipeline/archive/RegistryReads.h"

#include <algorithm>

namespace gongwen::archive {

namespace {

// A row's columns by position; a column the row lacks (a table altered behind the registry's back,
// which the audit reports) reads as NULL.
class Fields {
 public:
  explicit Fields(const SqlRow& row) : row_(row) {}
  SqlValue value(std::size_t i) const { return i < row_.size() ? row_[i] : std::nullopt; }
  std::string text(std::size_t i) const { return value(i).value_or(""); }
  long long integer(std::size_t i) const { return sqlInteger(value(i)); }
  int small(std::size_t i) const { return static_cast<int>(integer(i)); }
  bool flag(std::size_t i) const { return integer(i) != 0; }
  std::optional<long long> optionalInteger(std::size_t i) const {
    if (!value(i)) return std::nullopt;
    return integer(i);
  }

 private:
  const SqlRow& row_;
};

}  // namespace

std::optional<DocumentRecord> readDocument(RegistryReader& reader, const std::string& id) {
  const std::vector<SqlRow> found = reader.rows("SELECT * FROM documents WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  const Fields s(found.front());
  DocumentRecord d;
  d.id = s.text(0);
  d.sequence = s.integer(1);
  d.number = s.text(2);
  d.organCode = s.value(3);
  d.year = s.optionalInteger(4);
  d.serial = s.optionalInteger(5);
  d.title = s.text(6);
  d.kind = s.text(7);
  d.templateId = s.text(8);
  d.organ = s.text(9);
  d.date = s.text(10);
  d.classification = s.text(11);
  d.copyNumber = s.text(12);
  d.urgency = s.text(13);
  d.incoming = s.flag(14);
  d.pdfSha256 = s.text(15);
  d.pdfSize = static_cast<unsigned long long>(s.integer(16));
  d.pages = s.small(17);
  d.ingestedAt = s.text(18);

  for (const SqlRow& row :
       reader.rows("SELECT * FROM signatures WHERE document_id = ? ORDER BY position", {id})) {
    const Fields r(row);
    d.signatures.push_back({r.small(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                            r.text(8), r.text(9), r.text(10), r.flag(11)});
  }
  for (const SqlRow& row :
       reader.rows("SELECT * FROM seal_uses WHERE document_id = ? ORDER BY position", {id})) {
    const Fields r(row);
    d.sealUses.push_back({r.small(1), r.text(2), r.text(3), r.text(4), r.optionalInteger(5), r.text(6)});
  }
  for (const SqlRow& row : reader.rows("SELECT path, sha256, size FROM files WHERE document_id = ?", {id})) {
    const Fields r(row);
    d.files.push_back({r.text(0), r.text(1), static_cast<unsigned long long>(r.integer(2))});
  }
  // In byte order, which a server database's collation may not follow.
  std::sort(d.files.begin(), d.files.end(),
            [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
  const std::vector<SqlRow> incoming = reader.rows("SELECT * FROM incoming WHERE document_id = ?", {id});
  if (!incoming.empty()) {
    const Fields r(incoming.front());
    d.incomingEntry =
        IncomingRecord{r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)};
  }
  const std::vector<SqlRow> body = reader.rows("SELECT text FROM document_text WHERE document_id = ?", {id});
  if (!body.empty()) d.text = Fields(body.front()).text(0);
  return d;
}

}  // namespace gongwen::archive
