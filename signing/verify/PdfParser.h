#pragma once
// A lean, strict reader of PDF syntax (ISO 32000-1 §7.2–7.3): tokens, direct objects and the
// "N G obj … endobj" wrapper. Malformed input throws Error(InputInvalid, "pdf.syntax") naming the offset.

#include <functional>
#include <memory>
#include <string>

#include "signing/verify/PdfObject.h"

namespace gongwen::verify::pdf {

// Bounds on one file, so that what an attacker appends costs time and memory in proportion to a real
// document (a 公文 has a few dozen objects and revisions and a few thousand values). Past one,
// Error(InputInvalid, "pdf.limit.*") names it.
struct Limits {
  size_t maxRevisions = 1000;
  size_t maxObjects = 100000;  // xref entries over all revisions
  size_t maxValues = 250000;   // parsed values (numbers, names, arrays, …) over all objects
  size_t maxStreamBytes = 256u << 20;
  // Inflated from xref and object streams over the whole file: a small deflated bomb must not
  // become gigabytes.
  size_t maxDecodedBytes = 256u << 20;
  // Every bound multiplied by `factor` (1 to 1000): for a genuine file past them.
  Limits scaledBy(unsigned factor) const;
};
// What `sign` and `verify --help` say of --pdf-limit-factor; kept beside the defaults it names.
inline constexpr char kPdfLimitFactorHelp[] =
    "multiply the PDF reader's bounds (1000 revisions, 100000 objects, 250000 values, 256 MiB a stream, "
    "256 MiB inflated from xref and object streams) by N";

class Parser {
 public:
  // Resolves an indirect /Length of a stream; may return -1 when it cannot.
  using LengthResolver = std::function<long(const Ref&)>;

  // Applies limits.maxStreamBytes and limits.maxValues (over everything this parser reads).
  Parser(const std::string& bytes, const std::string& fileName, const Limits& limits)
      : bytes_(bytes), fileName_(fileName), limits_(limits) {}

  // The object defined at `offset` ("N G obj"); throws unless its number is `expected`.
  Object indirectObject(size_t offset, int expected, const LengthResolver& resolveLength) const;
  // The object defined at `offset` whatever its number, which `number` receives: an xref stream,
  // which no earlier xref lists. Its /Length must be direct.
  Object indirectObjectAt(size_t offset, int& number) const;
  // A parser of other bytes (an object stream's decoded data) that counts its values against the
  // same limits.maxValues as this one; `bytes` and `label` must outlive it.
  Parser over(const std::string& bytes, const std::string& label) const;
  // A direct object starting at `offset`; `next` receives the offset after it.
  Object directObject(size_t offset, size_t& next) const;

  size_t skipWhitespace(size_t pos) const;
  bool keywordAt(size_t pos, const char* keyword) const;
  // Reads an unsigned integer token at pos; returns false if there is none.
  bool integerAt(size_t pos, long& value, size_t& next) const;
  [[noreturn]] void fail(size_t offset, const std::string& what) const;
  // Error(InputInvalid, code) for a file with more than `limit` of `what`.
  [[noreturn]] void overLimit(const std::string& code, const std::string& what, size_t limit) const;

 private:
  // `expected` < 0 accepts any object number.
  Object parseIndirect(size_t offset, int expected, const LengthResolver& resolveLength, int& number) const;
  Object parseValue(size_t& pos, int depth) const;
  Object parseNumberOrRef(size_t& pos) const;
  std::string parseName(size_t& pos) const;
  std::string parseLiteralString(size_t& pos) const;
  std::string parseHexString(size_t& pos) const;

  const std::string& bytes_;
  const std::string& fileName_;
  Limits limits_;
  std::shared_ptr<size_t> values_ = std::make_shared<size_t>(0);
};

}  // namespace gongwen::verify::pdf
