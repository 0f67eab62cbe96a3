#pragma once
// A PDF as the sequence of its revisions: the original and every incremental update, each ending in
// its own xref section (a classic table and trailer, a cross-reference stream, or both in a hybrid
// file) and %%EOF. Objects are looked up as of a given revision, whether written in the file or
// compressed in an object stream, which is what lets verification compare what a signature covered
// with what came after it.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "signing/verify/PdfObject.h"
#include "signing/verify/PdfParser.h"
#include "signing/verify/StreamDecoding.h"

namespace gongwen::verify::pdf {

struct XrefEntry {
  size_t offset = 0;  // of "N G obj" in the file; unused for a compressed object
  int generation = 0;
  bool inUse = false;
  int stream = 0;  // the object stream holding a compressed object (0: none), and its index there
  int index = 0;
  bool compressed() const { return stream > 0; }
};

struct Revision {
  size_t xrefOffset = 0;
  // The number of the cross-reference stream this revision's xref is or includes (0: none).
  int xrefStream = 0;
  // Offsets just after "%%EOF" and after the end-of-line that follows it; a signature that covers a
  // whole revision ends at one of them.
  size_t endAfterEof = 0;
  size_t endAfterEol = 0;
  std::map<int, XrefEntry> entries;  // only the objects this revision's xref section lists
  Object trailer;                    // the trailer dictionary, or the xref stream's dictionary
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
  // The objects revision `revision` may have changed: those its xref lists, and those it leaves
  // listed in an object stream whose number it lists (rewriting an object stream changes them too).
  std::vector<int> objectsWritten(size_t revision) const;
  // The decoded data of the stream object `stream` (unfiltered or FlateDecode, as the reader decodes its own
  // streams), at most `maxBytes` of it. Throws Error(InputInvalid, "pdf.*") for other filters, damage or more
  // data.
  std::string streamData(const Object& stream, size_t maxBytes, const std::string& what) const;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

 private:
  // XrefSections.cpp: one revision's xref, in either form, and what follows it up to %%EOF.
  void readSection(size_t offset, Revision& revision, size_t& objects) const;
  size_t readClassicTable(size_t pos, Revision& revision, size_t& objects) const;
  void readXrefStream(size_t offset, std::map<int, XrefEntry>& entries, Object& dictionary, int& number,
                      size_t& end, size_t& objects) const;
  void readEnd(size_t pos, Revision& revision) const;
  void mergeLinearizedSections(std::vector<Revision>& oldestFirst) const;

  struct ObjectStream {
    std::string label;                            // names the stream in messages
    std::string data;                             // decoded
    std::vector<std::pair<int, size_t>> objects;  // number and offset in `data`, by index
  };
  const ObjectStream& objectStream(int number, const XrefEntry& entry, size_t revision) const;
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
  // Per object stream number, the objects some revision lists in it.
  std::unordered_map<int, std::vector<int>> compressedIn_;
  // Where an object is read from: its xref entry and, for a compressed object, the entry of its object
  // stream as of the revision asked about (a later revision may rewrite the stream alone).
  using Location = std::pair<const XrefEntry*, const XrefEntry*>;
  Location locate(const XrefEntry& entry, size_t revision) const;
  Object compressedObject(int number, const Location& at, size_t revision) const;
  std::set<Location> unparsable_;                                   // objects that do not parse
  mutable std::map<Location, Object> cache_;                        // parsed objects
  mutable std::map<const XrefEntry*, ObjectStream> objectStreams_;  // decoded, by their entry
  mutable DecodeBudget decodeBudget_;
  mutable size_t headerEntries_ = 0;  // of every object stream decoded, against limits_.maxObjects
  mutable std::set<int> resolving_;   // objects being parsed: breaks /Length reference cycles
};

}  // namespace gongwen::verify::pdf
