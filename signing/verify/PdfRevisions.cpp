#include "signing/verify/PdfRevisions.h"

#include <algorithm>
#include <set>

#include "pipeline/core/Error.h"

namespace gongwen::verify::pdf {
Document::Document(std::string bytes, std::string fileName, const Limits& limits)
    : bytes_(std::move(bytes)),
      fileName_(std::move(fileName)),
      limits_(limits),
      parser_(bytes_, fileName_, limits) {
  if (bytes_.compare(0, 5, "%PDF-") != 0) {
    throw inputError("pdf.header", fileName_ + ": not a PDF (no %PDF- header)");
  }
  // ISO 32000-1 Annex F puts the linearization dictionary within the first 1024 bytes. Its first-page
  // xref section sits before the objects it lists, which the revision reading below cannot follow.
  if (bytes_.find("/Linearized") < 1024) {
    throw inputError("pdf.linearized", fileName_ +
                                           ": the file is linearized (\"fast web view\"), which is not "
                                           "supported; rewrite it without linearization");
  }
  const size_t tail = bytes_.size() > 2048 ? bytes_.size() - 2048 : 0;
  const size_t startxref = bytes_.rfind("startxref");
  if (startxref == std::string::npos || startxref < tail) {
    throw inputError("pdf.startxref",
                     fileName_ + ": no startxref near the end of the file; it is truncated or not a PDF");
  }
  long offset = 0;
  size_t next = 0;
  if (!parser_.integerAt(parser_.skipWhitespace(startxref + 9), offset, next)) {
    parser_.fail(startxref, "startxref without an offset");
  }
  std::vector<Revision> newestFirst;
  std::set<long> seen;
  size_t objects = 0;
  for (;;) {
    if (offset <= 0 || static_cast<size_t>(offset) >= bytes_.size() || !seen.insert(offset).second) {
      parser_.fail(static_cast<size_t>(offset), "xref chain points outside the file or loops");
    }
    if (newestFirst.size() >= limits_.maxRevisions)
      parser_.overLimit("pdf.limit.revisions", "revisions", limits_.maxRevisions);
    Revision revision;
    revision.xrefOffset = static_cast<size_t>(offset);
    readSection(revision.xrefOffset, revision, objects);
    const Object* prev = revision.trailer.get("Prev");
    newestFirst.push_back(std::move(revision));
    if (!prev) break;
    if (!prev->isInteger()) parser_.fail(static_cast<size_t>(offset), "trailer /Prev is not an integer");
    offset = static_cast<long>(prev->number);
  }
  revisions_.assign(newestFirst.rbegin(), newestFirst.rend());
  for (size_t i = 1; i < revisions_.size(); ++i) {
    if (revisions_[i].xrefOffset < revisions_[i - 1].endAfterEof) {
      parser_.fail(revisions_[i].xrefOffset,
                   "revisions overlap: an xref section lies inside an earlier revision");
    }
  }
  indexEntries();
  parseEveryObject();
}

void Document::indexEntries() {
  for (size_t r = 0; r < revisions_.size(); ++r) {
    for (const auto& [number, entry] : revisions_[r].entries) history_[number].emplace_back(r, &entry);
  }
}

// Every object every xref lists is read, not only those a reader reaches from the catalog: an object
// nothing uses today may be used by the next revision, and what one reader skips another may show.
void Document::parseEveryObject() {
  for (size_t r = 0; r < revisions_.size(); ++r) {
    for (const auto& [number, entry] : revisions_[r].entries) {
      if (!entry.inUse) continue;
      try {
        object(number, r);
      } catch (const Error& e) {
        if (e.code() != "pdf.syntax" || r == 0) throw;
        if (revisions_[r].unparsable.empty()) revisions_[r].firstUnparsableReason = e.what();
        revisions_[r].unparsable.push_back(number);
        unparsableAt_.insert(entry.offset);
      }
    }
  }
}

void Document::readSection(size_t offset, Revision& revision, size_t& objects) const {
  size_t pos = parser_.skipWhitespace(offset);
  if (!parser_.keywordAt(pos, "xref")) {
    throw inputError("pdf.xref-stream", fileName_ + ": the xref at byte " + std::to_string(offset) +
                                            " is not a classic xref table (cross-reference streams are not "
                                            "supported); rewrite the file without object streams");
  }
  pos += 4;
  for (;;) {
    pos = parser_.skipWhitespace(pos);
    if (parser_.keywordAt(pos, "trailer")) break;
    long first = 0, count = 0;
    if (!parser_.integerAt(pos, first, pos) || !parser_.integerAt(parser_.skipWhitespace(pos), count, pos)) {
      parser_.fail(pos, "bad xref subsection header");
    }
    objects += static_cast<size_t>(count);
    if (objects > limits_.maxObjects) parser_.overLimit("pdf.limit.objects", "objects", limits_.maxObjects);
    for (long i = 0; i < count; ++i) {
      long entryOffset = 0, generation = 0;
      pos = parser_.skipWhitespace(pos);
      if (!parser_.integerAt(pos, entryOffset, pos) ||
          !parser_.integerAt(parser_.skipWhitespace(pos), generation, pos)) {
        parser_.fail(pos, "bad xref entry");
      }
      pos = parser_.skipWhitespace(pos);
      if (pos >= bytes_.size() || (bytes_[pos] != 'n' && bytes_[pos] != 'f'))
        parser_.fail(pos, "bad xref entry type");
      XrefEntry e;
      e.inUse = bytes_[pos] == 'n';
      e.offset = static_cast<size_t>(entryOffset);
      e.generation = static_cast<int>(generation);
      ++pos;
      if (first + i != 0) revision.entries[static_cast<int>(first + i)] = e;
    }
  }
  pos += 7;
  revision.trailer = parser_.directObject(pos, pos);
  if (!revision.trailer.is(Object::Kind::Dict)) parser_.fail(pos, "trailer is not a dictionary");
  pos = parser_.skipWhitespace(pos);
  long ignored = 0;
  if (!parser_.keywordAt(pos, "startxref") ||
      !parser_.integerAt(parser_.skipWhitespace(pos + 9), ignored, pos)) {
    parser_.fail(pos, "trailer not followed by startxref");
  }
  while (pos < bytes_.size() && (bytes_[pos] == ' ' || bytes_[pos] == '\r' || bytes_[pos] == '\n')) ++pos;
  if (bytes_.compare(pos, 5, "%%EOF") != 0) parser_.fail(pos, "startxref not followed by %%EOF");
  revision.endAfterEof = pos + 5;
  pos += 5;
  if (pos < bytes_.size() && bytes_[pos] == '\r') ++pos;
  if (pos < bytes_.size() && bytes_[pos] == '\n') ++pos;
  revision.endAfterEol = pos;
}

const XrefEntry* Document::entry(int number, size_t revision) const {
  const auto found = history_.find(number);
  if (found == history_.end()) return nullptr;
  const auto& listed = found->second;
  const auto after = std::upper_bound(listed.begin(), listed.end(), revision,
                                      [](size_t r, const auto& item) { return r < item.first; });
  return after == listed.begin() ? nullptr : std::prev(after)->second;
}

std::optional<Object> Document::object(int number, size_t revision) const {
  const XrefEntry* e = entry(number, revision);
  if (!e || !e->inUse) return std::nullopt;
  const auto cached = cache_.find(e->offset);
  if (cached != cache_.end()) return cached->second;
  if (unparsableAt_.count(e->offset)) return std::nullopt;
  if (e->offset >= bytes_.size())
    parser_.fail(e->offset, "xref entry of object " + std::to_string(number) + " points past the end");
  if (!resolving_.insert(number).second) return std::nullopt;
  struct Done {
    std::set<int>& set;
    int number;
    ~Done() { set.erase(number); }
  } done{resolving_, number};
  Object o = parser_.indirectObject(e->offset, number, [&](const Ref& ref) -> long {
    const auto length = object(ref.number, revision);
    return length && length->isInteger() ? static_cast<long>(length->number) : -1;
  });
  cache_.emplace(e->offset, o);
  return o;
}

Object Document::resolve(const Object& value, size_t revision) const {
  if (!value.is(Object::Kind::Ref)) return value;
  auto o = object(value.ref.number, revision);
  return o ? *o : Object{};
}

std::optional<size_t> Document::revisionEndingAt(size_t offset) const {
  for (size_t i = 0; i < revisions_.size(); ++i) {
    if (revisions_[i].endAfterEof == offset || revisions_[i].endAfterEol == offset) return i;
  }
  return std::nullopt;
}

}  // namespace gongwen::verify::pdf
