#include "signing/verify/PdfRevisions.h"

#include <algorithm>
#include <set>

#include "pipeline/core/Error.h"
#include "signing/verify/StreamDecoding.h"

namespace gongwen::verify::pdf {
Document::Document(std::string bytes, std::string fileName, const Limits& limits)
    : bytes_(std::move(bytes)),
      fileName_(std::move(fileName)),
      limits_(limits),
      parser_(bytes_, fileName_, limits),
      decodeBudget_{limits.maxDecodedBytes, limits.maxDecodedBytes} {
  if (bytes_.compare(0, 5, "%PDF-") != 0) {
    throw inputError("pdf.header", fileName_ + ": not a PDF (no %PDF- header)");
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
  mergeLinearizedSections(revisions_);
  for (const auto& revision : revisions_) {
    if (revision.endAfterEof == 0)
      parser_.fail(revision.xrefOffset, "xref section not followed by startxref");
  }
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
    for (const auto& [number, entry] : revisions_[r].entries) {
      history_[number].emplace_back(r, &entry);
      if (entry.compressed()) compressedIn_[entry.stream].push_back(number);
    }
  }
}

// Every object every xref lists is read (and every object a rewritten object stream holds), not only
// those a reader reaches from the catalog: an object nothing uses today may be used by the next
// revision, and what one reader skips another may show.
void Document::parseEveryObject() {
  for (size_t r = 0; r < revisions_.size(); ++r) {
    for (const int number : objectsWritten(r)) {
      const XrefEntry& written = *entry(number, r);
      if (!written.inUse) continue;
      try {
        object(number, r);
      } catch (const Error& e) {
        if (e.code() != "pdf.syntax" || r == 0) throw;
        if (revisions_[r].unparsable.empty()) revisions_[r].firstUnparsableReason = e.what();
        revisions_[r].unparsable.push_back(number);
        unparsable_.insert(locate(written, r));
      }
    }
  }
}

const XrefEntry* Document::entry(int number, size_t revision) const {
  const auto found = history_.find(number);
  if (found == history_.end()) return nullptr;
  const auto& listed = found->second;
  const auto after = std::upper_bound(listed.begin(), listed.end(), revision,
                                      [](size_t r, const auto& item) { return r < item.first; });
  return after == listed.begin() ? nullptr : std::prev(after)->second;
}

Document::Location Document::locate(const XrefEntry& e, size_t revision) const {
  return {&e, e.compressed() ? entry(e.stream, revision) : nullptr};
}

std::optional<Object> Document::object(int number, size_t revision) const {
  const XrefEntry* e = entry(number, revision);
  if (!e || !e->inUse) return std::nullopt;
  const Location at = locate(*e, revision);
  const auto cached = cache_.find(at);
  if (cached != cache_.end()) return cached->second;
  if (unparsable_.count(at)) return std::nullopt;
  if (!e->compressed() && e->offset >= bytes_.size())
    parser_.fail(e->offset, "xref entry of object " + std::to_string(number) + " points past the end");
  if (!resolving_.insert(number).second) return std::nullopt;
  struct Done {
    std::set<int>& set;
    int number;
    ~Done() { set.erase(number); }
  } done{resolving_, number};
  Object o = e->compressed()
                 ? compressedObject(number, at, revision)
                 : parser_.indirectObject(e->offset, number, [&](const Ref& ref) -> long {
                     const auto length = object(ref.number, revision);
                     return length && length->isInteger() ? static_cast<long>(length->number) : -1;
                   });
  cache_.emplace(at, o);
  return o;
}

Object Document::resolve(const Object& value, size_t revision) const {
  if (!value.is(Object::Kind::Ref)) return value;
  auto o = object(value.ref.number, revision);
  return o ? *o : Object{};
}

std::vector<int> Document::objectsWritten(size_t revision) const {
  const auto& listed = revisions_[revision].entries;
  std::vector<int> numbers;
  numbers.reserve(listed.size());
  for (const auto& item : listed) numbers.push_back(item.first);
  for (const auto& item : listed) {
    const auto held = compressedIn_.find(item.first);
    if (held == compressedIn_.end()) continue;
    for (const int number : held->second) {
      const XrefEntry* e = entry(number, revision);
      if (e && e->compressed() && e->stream == item.first && !listed.count(number)) numbers.push_back(number);
    }
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

std::optional<size_t> Document::revisionEndingAt(size_t offset) const {
  for (size_t i = 0; i < revisions_.size(); ++i) {
    if (revisions_[i].endAfterEof == offset || revisions_[i].endAfterEol == offset) return i;
  }
  return std::nullopt;
}

std::string Document::streamData(const Object& stream, size_t maxBytes, const std::string& what) const {
  DecodeBudget budget{maxBytes, maxBytes};
  return decodeStream(parser_, bytes_, stream, budget, what);
}

}  // namespace gongwen::verify::pdf
