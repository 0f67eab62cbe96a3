#include "signing/verify/PdfParser.h"

#include <climits>
#include <cstring>
#include <unordered_set>

#include "pipeline/core/Error.h"

namespace gongwen::verify::pdf {
namespace {

bool isWhitespace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool isDelimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0'; }
bool isRegular(char c) { return !isWhitespace(c) && !isDelimiter(c); }
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
// Deep nesting is an attack on the stack, not a document.
constexpr int kMaxDepth = 64;

}  // namespace

void Parser::fail(size_t offset, const std::string& what) const {
  throw inputError("pdf.syntax", fileName_ + ": malformed PDF at byte " + std::to_string(offset) + ": " +
                                     what + "; the file is damaged or not a PDF");
}

Limits Limits::scaledBy(unsigned factor) const {
  if (factor < 1 || factor > 1000)
    throw usageError("usage.pdf-limit-factor", "--pdf-limit-factor must be 1 to 1000");
  return {maxRevisions * factor, maxObjects * factor, maxValues * factor, maxStreamBytes * factor,
          maxDecodedBytes * factor};
}

void Parser::overLimit(const std::string& code, const std::string& what, size_t limit) const {
  throw inputError(code, fileName_ + ": more than " + std::to_string(limit) + " " + what +
                             ", the most the verifier reads (" + code +
                             "); no signed document comes near it, so the file is refused (if it is "
                             "genuine, raise the bounds with --pdf-limit-factor)");
}

size_t Parser::skipWhitespace(size_t pos) const {
  while (pos < bytes_.size()) {
    if (isWhitespace(bytes_[pos])) {
      ++pos;
    } else if (bytes_[pos] == '%') {
      while (pos < bytes_.size() && bytes_[pos] != '\n' && bytes_[pos] != '\r') ++pos;
    } else {
      break;
    }
  }
  return pos;
}

bool Parser::keywordAt(size_t pos, const char* keyword) const {
  const size_t n = std::strlen(keyword);
  if (bytes_.compare(pos, n, keyword) != 0) return false;
  return pos + n >= bytes_.size() || !isRegular(bytes_[pos + n]);
}

bool Parser::integerAt(size_t pos, long& value, size_t& next) const {
  size_t p = pos;
  long v = 0;
  while (p < bytes_.size() && bytes_[p] >= '0' && bytes_[p] <= '9' && p - pos < 15) {
    v = v * 10 + (bytes_[p] - '0');
    ++p;
  }
  if (p == pos || (p < bytes_.size() && isRegular(bytes_[p]))) return false;
  value = v;
  next = p;
  return true;
}

Object Parser::directObject(size_t offset, size_t& next) const {
  size_t pos = offset;
  Object o = parseValue(pos, 0);
  next = pos;
  return o;
}

Parser Parser::over(const std::string& bytes, const std::string& label) const {
  Parser parser(bytes, label, limits_);
  parser.values_ = values_;
  return parser;
}

Object Parser::indirectObject(size_t offset, int expected, const LengthResolver& resolveLength) const {
  int number = 0;
  return parseIndirect(offset, expected, resolveLength, number);
}

Object Parser::indirectObjectAt(size_t offset, int& number) const {
  return parseIndirect(
      offset, -1, [](const Ref&) { return -1L; }, number);
}

Object Parser::parseIndirect(size_t offset, int expected, const LengthResolver& resolveLength,
                             int& objectNumber) const {
  long number = 0, generation = 0;
  size_t pos = skipWhitespace(offset);
  if (!integerAt(pos, number, pos) || !integerAt(skipWhitespace(pos), generation, pos) ||
      !keywordAt(skipWhitespace(pos), "obj") || number > INT_MAX) {
    fail(offset,
         (expected < 0 ? std::string("expected an object") : "expected object " + std::to_string(expected)) +
             " (\"N G obj\") where the xref points");
  }
  objectNumber = static_cast<int>(number);
  if (expected >= 0 && number != expected) {
    fail(offset,
         "the xref points object " + std::to_string(expected) + " at object " + std::to_string(number));
  }
  pos = skipWhitespace(pos) + 3;
  Object value = parseValue(pos, 0);
  pos = skipWhitespace(pos);
  if (value.is(Object::Kind::Dict) && keywordAt(pos, "stream")) {
    pos += 6;
    if (pos < bytes_.size() && bytes_[pos] == '\r') ++pos;
    if (pos < bytes_.size() && bytes_[pos] == '\n') ++pos;
    const Object* lengthObj = value.get("Length");
    long length = -1;
    if (lengthObj && lengthObj->isInteger()) length = static_cast<long>(lengthObj->number);
    if (lengthObj && lengthObj->is(Object::Kind::Ref)) length = resolveLength(lengthObj->ref);
    if (length < 0 || static_cast<size_t>(length) > bytes_.size() - pos) {
      fail(pos, "stream of object " + std::to_string(number) + " has no usable /Length");
    }
    if (static_cast<size_t>(length) > limits_.maxStreamBytes)
      overLimit("pdf.limit.stream", "bytes in the stream of object " + std::to_string(number),
                limits_.maxStreamBytes);
    value.kind = Object::Kind::Stream;
    value.streamBegin = pos;
    value.streamLength = static_cast<size_t>(length);
    pos = skipWhitespace(pos + static_cast<size_t>(length));
    if (!keywordAt(pos, "endstream"))
      fail(pos, "stream of object " + std::to_string(number) + " lacks endstream");
    pos += 9;
    value.end = pos;
    pos = skipWhitespace(pos);
  }
  if (!keywordAt(pos, "endobj")) fail(pos, "object " + std::to_string(number) + " lacks endobj");
  return value;
}

Object Parser::parseValue(size_t& pos, int depth) const {
  if (depth > kMaxDepth) fail(pos, "objects nested too deeply");
  if (++*values_ > limits_.maxValues)
    overLimit("pdf.limit.values", "values in its objects", limits_.maxValues);
  pos = skipWhitespace(pos);
  if (pos >= bytes_.size()) fail(pos, "unexpected end of file");
  Object o;
  o.begin = pos;
  const char c = bytes_[pos];
  if (c == '/') {
    o.kind = Object::Kind::Name;
    o.text = parseName(pos);
  } else if (c == '(') {
    o.kind = Object::Kind::String;
    o.text = parseLiteralString(pos);
  } else if (c == '<' && pos + 1 < bytes_.size() && bytes_[pos + 1] == '<') {
    o.kind = Object::Kind::Dict;
    o.dict = std::make_shared<Dict>();
    pos += 2;
    // A set, not a scan of the entries so far: a dictionary of many keys must not cost quadratic time.
    std::unordered_set<std::string> keys;
    for (;;) {
      pos = skipWhitespace(pos);
      if (bytes_.compare(pos, 2, ">>") == 0) break;
      if (pos >= bytes_.size() || bytes_[pos] != '/') fail(pos, "dictionary key is not a name");
      std::string key = parseName(pos);
      // Two values for one key is how signature-wrapping attacks hide a second /Contents.
      if (!keys.insert(key).second) fail(pos, "dictionary has the key /" + key + " twice");
      Object value = parseValue(pos, depth + 1);
      o.dict->emplace_back(std::move(key), std::move(value));
    }
    pos += 2;
  } else if (c == '<') {
    o.kind = Object::Kind::String;
    o.text = parseHexString(pos);
  } else if (c == '[') {
    o.kind = Object::Kind::Array;
    o.array = std::make_shared<Array>();
    ++pos;
    for (;;) {
      pos = skipWhitespace(pos);
      if (pos < bytes_.size() && bytes_[pos] == ']') break;
      o.array->push_back(parseValue(pos, depth + 1));
    }
    ++pos;
  } else if (keywordAt(pos, "true") || keywordAt(pos, "false")) {
    o.kind = Object::Kind::Bool;
    o.boolean = c == 't';
    pos += o.boolean ? 4 : 5;
  } else if (keywordAt(pos, "null")) {
    pos += 4;
  } else if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
    o = parseNumberOrRef(pos);
  } else {
    fail(pos, "unexpected token");
  }
  o.end = pos;
  return o;
}

Object Parser::parseNumberOrRef(size_t& pos) const {
  Object o;
  o.begin = pos;
  o.kind = Object::Kind::Number;
  long number = 0, generation = 0;
  size_t after = 0, afterGen = 0;
  if (integerAt(pos, number, after)) {
    const size_t genPos = skipWhitespace(after);
    if (genPos > after && integerAt(genPos, generation, afterGen)) {
      const size_t rPos = skipWhitespace(afterGen);
      if (rPos > afterGen && keywordAt(rPos, "R")) {
        o.kind = Object::Kind::Ref;
        o.ref = {static_cast<int>(number), static_cast<int>(generation)};
        pos = rPos + 1;
        return o;
      }
    }
  }
  const size_t start = pos;
  while (pos < bytes_.size() && isRegular(bytes_[pos])) ++pos;
  const std::string token = bytes_.substr(start, pos - start);
  char* end = nullptr;
  o.number = std::strtod(token.c_str(), &end);
  if (end == nullptr || *end != '\0') fail(start, "bad number '" + token + "'");
  return o;
}

std::string Parser::parseName(size_t& pos) const {
  ++pos;
  std::string name;
  while (pos < bytes_.size() && isRegular(bytes_[pos])) {
    if (bytes_[pos] == '#' && pos + 2 < bytes_.size() && hexValue(bytes_[pos + 1]) >= 0 &&
        hexValue(bytes_[pos + 2]) >= 0) {
      name += static_cast<char>(hexValue(bytes_[pos + 1]) * 16 + hexValue(bytes_[pos + 2]));
      pos += 3;
    } else {
      name += bytes_[pos++];
    }
  }
  return name;
}

std::string Parser::parseLiteralString(size_t& pos) const {
  const size_t start = pos++;
  std::string s;
  int nesting = 1;
  while (pos < bytes_.size()) {
    const char c = bytes_[pos++];
    if (c == '\\') {
      if (pos >= bytes_.size()) break;
      const char e = bytes_[pos++];
      switch (e) {
        case 'n':
          s += '\n';
          break;
        case 'r':
          s += '\r';
          break;
        case 't':
          s += '\t';
          break;
        case 'b':
          s += '\b';
          break;
        case 'f':
          s += '\f';
          break;
        case '\r':
          if (pos < bytes_.size() && bytes_[pos] == '\n') ++pos;
          break;
        case '\n':
          break;
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int i = 0; i < 2 && pos < bytes_.size() && bytes_[pos] >= '0' && bytes_[pos] <= '7'; ++i) {
              v = v * 8 + (bytes_[pos++] - '0');
            }
            s += static_cast<char>(v);
          } else {
            s += e;
          }
      }
    } else if (c == '(') {
      ++nesting;
      s += c;
    } else if (c == ')') {
      if (--nesting == 0) return s;
      s += c;
    } else {
      s += c;
    }
  }
  fail(start, "unterminated string");
}

std::string Parser::parseHexString(size_t& pos) const {
  const size_t start = pos++;
  std::string s;
  int high = -1;
  while (pos < bytes_.size() && bytes_[pos] != '>') {
    const char c = bytes_[pos++];
    if (isWhitespace(c)) continue;
    const int v = hexValue(c);
    if (v < 0) fail(pos - 1, "bad hex digit in string");
    if (high < 0) {
      high = v;
    } else {
      s += static_cast<char>(high * 16 + v);
      high = -1;
    }
  }
  if (pos >= bytes_.size()) fail(start, "unterminated hex string");
  if (high >= 0) s += static_cast<char>(high * 16);
  ++pos;
  return s;
}

}  // namespace gongwen::verify::pdf
