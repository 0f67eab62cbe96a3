// Reading one revision's cross-reference information (ISO 32000-1 §7.5.4, §7.5.8): a classic table
// and trailer, a cross-reference stream, or a hybrid table whose /XRefStm stream lists what the table
// hides from readers of PDF 1.4; and the startxref and %%EOF that end the revision.

#include <climits>

#include "pipeline/core/Error.h"
#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify::pdf {
namespace {

// A field of `width` bytes of an xref stream row, big-endian.
unsigned long long field(const unsigned char* row, long width) {
  unsigned long long value = 0;
  for (long i = 0; i < width; ++i) value = value << 8 | row[i];
  return value;
}

}  // namespace

void Document::readSection(size_t offset, Revision& revision, size_t& objects) const {
  size_t pos = parser_.skipWhitespace(offset);
  if (!parser_.keywordAt(pos, "xref")) {
    size_t end = 0;
    readXrefStream(offset, revision.entries, revision.trailer, revision.xrefStream, end, objects);
    // A linearized file's first-page xref stream is followed by no startxref of its own; it is read
    // as part of the original revision, and any other such section is refused once that is known.
    if (parser_.keywordAt(parser_.skipWhitespace(end), "startxref")) readEnd(end, revision);
    return;
  }
  pos = readClassicTable(pos + 4, revision, objects);
  if (const Object* hybrid = revision.trailer.get("XRefStm")) {
    if (!hybrid->isInteger() || hybrid->number <= 0 || hybrid->number >= static_cast<double>(bytes_.size()))
      parser_.fail(offset, "trailer /XRefStm is not an offset in the file");
    std::map<int, XrefEntry> hidden;
    Object dictionary;
    size_t end = 0;
    readXrefStream(static_cast<size_t>(hybrid->number), hidden, dictionary, revision.xrefStream, end,
                   objects);
    // The stream completes the table; two places for one object would let two readers see two files.
    for (const auto& [n, e] : hidden) {
      auto& listed = revision.entries[n];
      if (listed.inUse && e.inUse && (e.compressed() || listed.offset != e.offset))
        parser_.fail(offset, "object " + std::to_string(n) +
                                 " is in use both in the xref table and in its /XRefStm stream");
      if (!listed.inUse) listed = e;
    }
  }
  readEnd(pos, revision);
}

size_t Document::readClassicTable(size_t pos, Revision& revision, size_t& objects) const {
  for (;;) {
    pos = parser_.skipWhitespace(pos);
    if (parser_.keywordAt(pos, "trailer")) break;
    long first = 0, count = 0;
    if (!parser_.integerAt(pos, first, pos) || !parser_.integerAt(parser_.skipWhitespace(pos), count, pos)) {
      parser_.fail(pos, "bad xref subsection header");
    }
    objects += static_cast<size_t>(count);
    if (objects > limits_.maxObjects) parser_.overLimit("pdf.limit.objects", "objects", limits_.maxObjects);
    if (first + count > INT_MAX) parser_.fail(pos, "xref subsection numbers objects past 2^31");
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
  return pos;
}

void Document::readXrefStream(size_t offset, std::map<int, XrefEntry>& entries, Object& dictionary,
                              int& number, size_t& end, size_t& objects) const {
  Object stream = parser_.indirectObjectAt(offset, number);
  const Object* type = stream.get("Type");
  if (!stream.is(Object::Kind::Stream) || !type || !type->isName("XRef"))
    parser_.fail(offset, "the xref at byte " + std::to_string(offset) +
                             " is neither a classic xref table nor a cross-reference stream");
  const Object* w = stream.get("W");
  long widths[3] = {0, 0, 0};
  bool wellFormed = w && w->is(Object::Kind::Array) && w->array->size() == 3;
  for (size_t i = 0; wellFormed && i < 3; ++i) {
    const Object& n = (*w->array)[i];
    wellFormed = n.isInteger() && n.number >= 0 && n.number <= 8;
    if (wellFormed) widths[i] = static_cast<long>(n.number);
  }
  if (!wellFormed || widths[1] == 0)
    parser_.fail(offset, "cross-reference stream /W is not three field widths of 0 to 8 bytes");
  const Object* size = stream.get("Size");
  if (!size || !size->isInteger() || size->number < 0 || size->number > INT_MAX)
    parser_.fail(offset, "cross-reference stream has no usable /Size");
  std::vector<std::pair<long, long>> ranges;
  if (const Object* index = stream.get("Index")) {
    if (!index->is(Object::Kind::Array) || index->array->size() % 2 != 0)
      parser_.fail(offset, "cross-reference stream /Index is not pairs of integers");
    for (size_t i = 0; i < index->array->size(); i += 2) {
      const Object& first = (*index->array)[i];
      const Object& count = (*index->array)[i + 1];
      if (!first.isInteger() || !count.isInteger() || first.number < 0 || count.number < 0 ||
          first.number + count.number > INT_MAX)
        parser_.fail(offset, "cross-reference stream /Index is not pairs of object numbers and counts");
      ranges.emplace_back(static_cast<long>(first.number), static_cast<long>(count.number));
    }
  } else {
    ranges.emplace_back(0, static_cast<long>(size->number));
  }
  size_t rows = 0;
  for (const auto& range : ranges) {
    rows += static_cast<size_t>(range.second);
    objects += static_cast<size_t>(range.second);
    if (objects > limits_.maxObjects) parser_.overLimit("pdf.limit.objects", "objects", limits_.maxObjects);
  }
  const std::string data = decodeStream(parser_, bytes_, stream, decodeBudget_,
                                        "the cross-reference stream at byte " + std::to_string(offset));
  const size_t rowWidth = static_cast<size_t>(widths[0] + widths[1] + widths[2]);
  if (data.size() < rows * rowWidth)
    parser_.fail(offset, "cross-reference stream holds fewer rows than its /Index lists");
  const auto* row = reinterpret_cast<const unsigned char*>(data.data());
  for (const auto& [first, count] : ranges) {
    for (long i = 0; i < count; ++i, row += rowWidth) {
      // Without a type field every row is type 1 (§7.5.8.2, Table 17).
      const unsigned long long kind = widths[0] == 0 ? 1 : field(row, widths[0]);
      const unsigned long long second = field(row + widths[0], widths[1]);
      const unsigned long long third = field(row + widths[0] + widths[1], widths[2]);
      XrefEntry e;
      if (kind == 1 && third <= INT_MAX) {
        e = {static_cast<size_t>(second), static_cast<int>(third), true, 0, 0};
      } else if (kind == 2 && second > 0 && second <= INT_MAX && third <= INT_MAX) {
        e = {0, 0, true, static_cast<int>(second), static_cast<int>(third)};
      }
      // Anything else, free entries and the types §7.5.8.3 tells readers to ignore, reads as absent.
      if (first + i != 0) entries[static_cast<int>(first + i)] = e;
    }
  }
  dictionary = stream;
  dictionary.kind = Object::Kind::Dict;
  const size_t endobj = parser_.skipWhitespace(stream.end);
  end = endobj + 6;
}

void Document::readEnd(size_t pos, Revision& revision) const {
  pos = parser_.skipWhitespace(pos);
  long ignored = 0;
  if (!parser_.keywordAt(pos, "startxref") ||
      !parser_.integerAt(parser_.skipWhitespace(pos + 9), ignored, pos)) {
    parser_.fail(pos, "xref section not followed by startxref");
  }
  while (pos < bytes_.size() && (bytes_[pos] == ' ' || bytes_[pos] == '\r' || bytes_[pos] == '\n')) ++pos;
  if (bytes_.compare(pos, 5, "%%EOF") != 0) parser_.fail(pos, "startxref not followed by %%EOF");
  revision.endAfterEof = pos + 5;
  pos += 5;
  if (pos < bytes_.size() && bytes_[pos] == '\r') ++pos;
  if (pos < bytes_.size() && bytes_[pos] == '\n') ++pos;
  revision.endAfterEol = pos;
}

// A linearized file (ISO 32000-1 Annex F) ends with a startxref naming the first-page xref near its
// start, whose /Prev names the main xref at its end: two sections of one revision, the newer written
// first. They are read as the one original revision they are, ending where the file first ended.
void Document::mergeLinearizedSections(std::vector<Revision>& oldestFirst) const {
  if (oldestFirst.size() < 2 || oldestFirst[1].xrefOffset >= oldestFirst[0].xrefOffset) return;
  int number = 0;
  Object first;
  try {
    first = parser_.indirectObjectAt(parser_.skipWhitespace(0), number);
  } catch (const Error&) {
    return;  // not linearized: the overlap is refused as any other
  }
  if (!first.is(Object::Kind::Dict) || !first.get("Linearized")) return;
  Revision& main = oldestFirst[0];
  Revision& firstPage = oldestFirst[1];
  for (auto& [n, e] : firstPage.entries) main.entries[n] = e;
  main.trailer = std::move(firstPage.trailer);
  main.xrefOffset = firstPage.xrefOffset;
  main.xrefStream = firstPage.xrefStream;
  oldestFirst.erase(oldestFirst.begin() + 1);
}

}  // namespace gongwen::verify::pdf
