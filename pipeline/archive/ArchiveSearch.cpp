#include "pipeline/archive/ArchiveSearch.h"

#include <unicode/coll.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "pipeline/archive/DocumentNumber.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

// SQL that SQLite and PostgreSQL read alike, for either registry (RegistryQuery.h).
const char* const kSelect =
    "SELECT d.id, d.number, d.title, d.date, d.kind, d.template, d.organ, d.classification, d.incoming, "
    "CASE WHEN EXISTS (SELECT 1 FROM loans l WHERE l.document_id = d.id AND NOT EXISTS "
    "(SELECT 1 FROM loan_returns r WHERE r.loan_id = l.loan_id)) THEN 1 ELSE 0 END "
    "FROM documents d JOIN document_text t ON t.document_id = d.id WHERE 1 = 1";

// Poppler breaks lines (and sometimes spaces characters) where the layout does: a phrase is found
// wherever its characters follow each other. The control characters stand in the literals as they
// are (SQLite's char() is PostgreSQL's chr()).
const char* const kTextWithoutWhitespace =
    "replace(replace(replace(replace(replace(t.text, ' ', ''), '\n', ''), '\r', ''), '\f', ''), '\t', '')";

// Whether `haystack` holds the (never empty) value bound next: replace() is the one substring test
// both databases know (SQLite's instr() is PostgreSQL's strpos()).
std::string holds(const std::string& haystack) { return "replace(" + haystack + ", ?, '') <> " + haystack; }

std::string withoutWhitespace(const std::string& word) {
  std::string out;
  for (char c : word) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\f' && c != '\t') out += c;
  }
  return out;
}

class Collation {
 public:
  Collation() {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) collator_.reset();
  }
  bool less(const std::string& a, const std::string& b) const {
    if (!collator_) return a < b;
    UErrorCode status = U_ZERO_ERROR;
    return collator_->compare(icu::UnicodeString::fromUTF8(a), icu::UnicodeString::fromUTF8(b), status) ==
           UCOL_LESS;
  }
  bool equal(const std::string& a, const std::string& b) const { return !less(a, b) && !less(b, a); }

 private:
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace

std::string criterionDate(const std::string& text, const std::string& option) {
  std::string iso = isoDate(text);
  if (iso.empty() && text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const std::string written =
        text.substr(0, 4) + "年" + text.substr(5, 2) + "月" + text.substr(8, 2) + "日";
    if (isoDate(written) == text) iso = text;
  }
  if (iso.empty()) throw usageError("usage", option + " \"" + text + "\" is not a date: give YYYY-MM-DD");
  return iso;
}

std::vector<FoundDocument> findDocuments(const RegistryStore& registry, const SearchCriteria& c) {
  std::string sql = kSelect;
  std::vector<SqlValue> values;
  if (!c.number.empty()) {
    sql += " AND " + holds("d.number");
    values.push_back(c.number);
  }
  for (const std::string& word : c.words) {
    sql += " AND (" + holds("d.title") + " OR " + holds(kTextWithoutWhitespace) + ")";
    values.push_back(word);
    values.push_back(withoutWhitespace(word));
  }
  if (!c.from.empty()) {
    sql += " AND d.date <> '' AND d.date >= ?";
    values.push_back(c.from);
  }
  if (!c.to.empty()) {
    sql += " AND d.date <> '' AND d.date <= ?";
    values.push_back(c.to);
  }
  if (!c.kind.empty()) {
    sql += " AND (d.kind = ? OR d.template = ?)";
    values.insert(values.end(), {c.kind, c.kind});
  }
  if (!c.signer.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM signatures s WHERE s.document_id = d.id AND (s.person = ? OR "
        "s.person_name = ?))";
    values.insert(values.end(), {c.signer, c.signer});
  }
  if (c.incoming) sql += *c.incoming ? " AND d.incoming = 1" : " AND d.incoming = 0";

  std::vector<SqlRow> rows;
  registry.read([&](RegistryReader& reader) { rows = reader.rows(sql, values); });
  std::vector<FoundDocument> found;
  for (SqlRow& r : rows) {
    r.resize(10);
    const auto text = [&](std::size_t i) { return r[i].value_or(""); };
    found.push_back({text(0), text(1), text(2), text(3), text(4), text(5), text(6), text(7),
                     sqlInteger(r[8]) != 0, sqlInteger(r[9]) != 0});
  }
  const Collation collation;
  std::stable_sort(found.begin(), found.end(), [&](const FoundDocument& a, const FoundDocument& b) {
    if (!collation.equal(a.title, b.title)) return collation.less(a.title, b.title);
    if (!collation.equal(a.number, b.number)) return collation.less(a.number, b.number);
    return a.id < b.id;
  });
  return found;
}

}  // namespace gongwen::archive
