#pragma once
// A lean, strict reader of PDF syntax (ISO 32000-1 §7.2–7.3): tokens, direct objects and the
// "N G obj … endobj" wrapper. Malformed input throws Error(InputInvalid, "pdf.syntax") naming the offset.

#include <functional>
#include <string>

#include "signing/verify/PdfObject.h"

namespace gongwen::verify::pdf {

class Parser {
 public:
  // Resolves an indirect /Length of a stream; may return -1 when it cannot.
  using LengthResolver = std::function<long(const Ref&)>;

  // Streams longer than maxStreamBytes are refused with Error(InputInvalid, "pdf.limit.stream").
  Parser(const std::string& bytes, const std::string& fileName, size_t maxStreamBytes)
      : bytes_(bytes), fileName_(fileName), maxStreamBytes_(maxStreamBytes) {}

  // The object defined at `offset` ("N G obj"); throws unless its number is `expected`.
  Object indirectObject(size_t offset, int expected, const LengthResolver& resolveLength) const;
  // A direct object starting at `offset`; `next` receives the offset after it.
  Object directObject(size_t offset, size_t& next) const;

  size_t skipWhitespace(size_t pos) const;
  bool keywordAt(size_t pos, const char* keyword) const;
  // Reads an unsigned integer token at pos; returns false if there is none.
  bool integerAt(size_t pos, long& value, size_t& next) const;
  [[noreturn]] void fail(size_t offset, const std::string& what) const;

 private:
  Object parseValue(size_t& pos, int depth) const;
  Object parseNumberOrRef(size_t& pos) const;
  std::string parseName(size_t& pos) const;
  std::string parseLiteralString(size_t& pos) const;
  std::string parseHexString(size_t& pos) const;

  const std::string& bytes_;
  const std::string& fileName_;
  size_t maxStreamBytes_;
};

}  // namespace gongwen::verify::pdf
