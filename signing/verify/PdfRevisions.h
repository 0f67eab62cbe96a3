#pragma once
// A PDF as the sequence of its revisions: the original and every incremental update, each ending in
// its own xref section, trailer and %%EOF. Objects are looked up as of a given revision, which is what
// lets verification compare what a signature covered with what came after it.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "signing/verify/PdfObject.h"
#include "signing/verify/PdfParser.h"

namespace gongwen::verify::pdf {

struct XrefEntry {
  size_t offset = 0;
  int generation = 0;
  bool inUse = false;
};

struct Revision {
  size_t xrefOffset = 0;
  // Offsets just after "%%EOF" and after the end-of-line that follows it; a signature that covers a
  // whole revision ends at one of them.
  size_t endAfterEof = 0;
  size_t endAfterEol = 0;
  std::map<int, XrefEntry> entries;  // only the objects this revision's xref section lists
  Object trailer;
  // Objects of this revision's xref whose text does not parse, and why the first of them does not.
  // The first revision has none: a document whose base does not parse is refused whole.
  std::vector<int> unparsable;
  std::string firstUnparsableReason;
};

class Document {
 public:
  // Parses the xref chain and every object it lists. Throws Error(InputInvalid, "pdf.*") for anything
  // it cannot read, except objects of later revisions that do not parse: those are listed in their
  // Revision::unparsable and read as absent.
  Document(std::string bytes, std::string fileName, const Limits& limits = {});

  const std::string& bytes() const { return bytes_; }
  const std::string& fileName() const { return fileName_; }
  const std::vector<Revision>& revisions() const { return revisions_; }

  // Object `number` as of revision `revision` (0-based); nullopt when absent or free there.
  std::optional<Object> object(int number, size_t revision) const;
  // Follows a reference as of `revision`; a direct object is returned as it is; null when dangling.
  Object resolve(const Object& value, size_t revision) const;
  // Where object `number` is defined as of `revision`, if anywhere.
  const XrefEntry* entry(int number, size_t revision) const;
  // Index of the revision that ends at `offset`, if any.
  std::optional<size_t> revisionEndingAt(size_t offset) const;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

 private:
  void readSection(size_t offset, Revision& revision, size_t& objects) const;
  void indexEntries();
  void parseEveryObject();
  std::string bytes_;
  std::string fileName_;
  Limits limits_;
  Parser parser_;
  std::vector<Revision> revisions_;
  // Per object number, the revisions whose xref lists it, oldest first: a lookup costs a binary
  // search, not a walk back through every revision.
  std::unordered_map<int, std::vector<std::pair<size_t, const XrefEntry*>>> history_;
  std::set<size_t> unparsableAt_;           // offsets of objects that do not parse
  mutable std::map<size_t, Object> cache_;  // parsed objects by file offset
  mutable std::set<int> resolving_;         // objects being parsed: breaks /Length reference cycles
};

}  // namespace gongwen::verify::pdf
