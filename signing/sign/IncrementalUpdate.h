#pragma once
// One incremental revision appended to a PDF (ISO 32000-1 §7.5.6): new or replaced objects, a
// cross-reference section for exactly those objects — a classic table and trailer, or a
// cross-reference stream after a file whose last xref is one — whose /Prev points to the previous
// cross-reference section. The original bytes are never touched.

#include <cstddef>
#include <map>
#include <string>

namespace gongwen::sign {

class IncrementalUpdate {
 public:
  // `firstFree`: the smallest object number not used by the original (its trailer's /Size).
  explicit IncrementalUpdate(unsigned firstFree) : nextNumber_(firstFree) {}

  unsigned newObjectNumber() { return nextNumber_++; }

  // Sets the body (the text between "N G obj" and "endobj") of a new or replaced object.
  void put(unsigned number, unsigned generation, std::string body);

  // Appends the revision to `original`. `trailerEntries` are the trailer keys besides /Size and
  // /Prev (e.g. "/Root 1 0 R /Info 2 0 R /ID [<..> <..>]"); `previousXref` is the original's
  // startxref offset. Returns the whole new file.
  std::string appendTo(const std::string& original, const std::string& trailerEntries,
                       long long previousXref);

  // Where object `number`'s "N G obj" line starts in the string appendTo returned.
  std::size_t offsetOf(unsigned number) const { return offsets_.at(number); }

 private:
  static bool endsWithXrefStream(const std::string& pdf, long long xref);
  void appendXrefTable(std::string& out, const std::string& trailerEntries, long long previousXref) const;
  void appendXrefStream(std::string& out, const std::string& trailerEntries, long long previousXref);

  struct Entry {
    unsigned generation = 0;
    std::string body;
  };
  unsigned nextNumber_;
  std::map<unsigned, Entry> objects_;
  std::map<unsigned, std::size_t> offsets_;
};

// The offset recorded after the last "startxref" of a PDF. Throws Error(InputInvalid, "sign.pdf")
// naming `name` when there is none.
long long lastStartXref(const std::string& pdf, const std::string& name);

}  // namespace gongwen::sign
