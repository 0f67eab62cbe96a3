#include "pipeline/check/JobSource.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"

namespace gongwen::check {

namespace {

bool isXmlSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The element name and, for ".../@name", the attribute of the last XPath step.
std::pair<std::string, std::string> lastStep(const std::string& xpath) {
  std::string attribute;
  std::string path = xpath;
  const size_t at = path.rfind("/@");
  if (at != std::string::npos) {
    attribute = path.substr(at + 2);
    path.resize(at);
  }
  std::string name = path.substr(path.rfind('/') + 1);
  name = name.substr(0, name.find('['));
  return {name, attribute};
}

// Decodes the entity at s[i] ('&'); returns the character and advances i, or -1.
UChar32 entity(const std::string& s, size_t& i) {
  const size_t semi = s.find(';', i);
  if (semi == std::string::npos || semi - i > 10) return -1;
  const std::string name = s.substr(i + 1, semi - i - 1);
  UChar32 c = -1;
  if (name == "amp")
    c = '&';
  else if (name == "lt")
    c = '<';
  else if (name == "gt")
    c = '>';
  else if (name == "quot")
    c = '"';
  else if (name == "apos")
    c = '\'';
  else if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    c = static_cast<UChar32>(std::strtol(name.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10));
  }
  if (c >= 0) i = semi + 1;
  return c;
}

// Markup at s[i] that adds no character to an element's text: a comment, a processing
// instruction, or the delimiters of a CDATA section (whose content is text taken as written).
struct Markup {
  size_t length = 0;  // 0: none here
  bool entersCdata = false;
  bool leavesCdata = false;
};

Markup markupAt(const std::string& s, size_t i, bool inCdata) {
  if (inCdata) return s.compare(i, 3, "]]>") == 0 ? Markup{3, false, true} : Markup{};
  if (s.compare(i, 9, "<![CDATA[") == 0) return {9, true, false};
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"<!--", "-->"}, {"<?", "?>"}}) {
    if (s.compare(i, open.size(), open) != 0) continue;
    const size_t end = s.find(close, i + open.size());
    return end == std::string::npos ? Markup{} : Markup{end + close.size() - i, false, false};
  }
  return {};
}

}  // namespace

JobSource::JobSource(const std::string& path) : path_(path) {
  try {
    bytes_ = readInput(path, InputKind::Job);
  } catch (const Error&) {
    return;
  }
  lineStarts_.push_back(0);
  for (size_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

std::optional<size_t> JobSource::contentStart(const model::Text& text, bool& attribute) const {
  if (text.where.file != path_ || text.where.line < 1 ||
      static_cast<size_t>(text.where.line) > lineStarts_.size()) {
    return std::nullopt;
  }
  const auto [name, attr] = lastStep(text.where.xpath);
  attribute = !attr.empty();
  const std::string open = "<" + name;
  size_t tag = lineStarts_[static_cast<size_t>(text.where.line - 1)];
  while (true) {
    tag = bytes_.find(open, tag);
    if (tag == std::string::npos) return std::nullopt;
    const char after = tag + open.size() < bytes_.size() ? bytes_[tag + open.size()] : '\0';
    if (after == '>' || after == ' ' || after == '/' || after == '\n' || after == '\t') break;
    tag += open.size();
  }
  const size_t tagEnd = bytes_.find('>', tag);
  if (tagEnd == std::string::npos) return std::nullopt;
  if (!attribute) return tagEnd + 1;
  for (const char quote : {'"', '\''}) {
    const size_t a = bytes_.find(" " + attr + "=" + quote, tag);
    if (a != std::string::npos && a < tagEnd) return a + attr.size() + 3;
  }
  return std::nullopt;
}

std::optional<std::pair<size_t, size_t>> JobSource::bytesOf(const model::Text& text, size_t offset,
                                                            size_t length) const {
  bool attribute = false;
  const auto start = contentStart(text, attribute);
  if (!start) return std::nullopt;
  // Walk the raw bytes and the folded value together: whitespace the loader folded away is
  // skipped, entities count as the one character they stand for.
  const std::u32string value = [&] {
    std::u32string v;
    const auto* s = reinterpret_cast<const uint8_t*>(text.value.data());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(text.value.size());
    while (i < n) {
      UChar32 c = 0;
      U8_NEXT(s, i, n, c);
      v.push_back(static_cast<char32_t>(c));
    }
    return v;
  }();
  if (offset + length > value.size()) return std::nullopt;
  const auto* raw = reinterpret_cast<const uint8_t*>(bytes_.data());
  const auto rawSize = static_cast<int32_t>(bytes_.size());
  size_t r = *start;
  std::optional<size_t> begin;
  bool inCdata = false;
  for (size_t v = 0; v <= value.size(); ++v) {
    if (begin && v == offset + length) return std::make_pair(*begin, r);
    // Appending after the last character goes before the element's trailing whitespace.
    if (length == 0 && v == offset && v == value.size() && v > 0) return std::make_pair(r, r);
    // Skip raw whitespace that the folded value does not have here, and markup that adds no
    // character. A span with markup inside is not traced: replacing it would delete the markup.
    while (r < bytes_.size()) {
      const Markup markup = attribute ? Markup{} : markupAt(bytes_, r, inCdata);
      if (markup.length > 0) {
        if (begin) return std::nullopt;
        inCdata = markup.entersCdata || (inCdata && !markup.leavesCdata);
        r += markup.length;
      } else if (isXmlSpace(raw[r]) && (v == value.size() || value[v] != static_cast<char32_t>(raw[r]))) {
        ++r;
      } else {
        break;
      }
    }
    if (v == offset) {
      begin = r;
      if (length == 0) return std::make_pair(r, r);
    }
    if (v == value.size() || r >= bytes_.size()) break;
    auto i = static_cast<int32_t>(r);
    UChar32 c = 0;
    if (raw[r] == '&' && !inCdata) {
      size_t k = r;
      c = entity(bytes_, k);
      i = static_cast<int32_t>(k);
    } else if ((raw[r] == '<' && !inCdata) || (attribute && (raw[r] == '"' || raw[r] == '\''))) {
      break;
    } else {
      U8_NEXT(raw, i, rawSize, c);
    }
    if (c < 0 || static_cast<char32_t>(c) != value[v]) break;
    r = static_cast<size_t>(i);
  }
  return std::nullopt;
}

std::pair<int, int> JobSource::position(size_t byte) const {
  const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), byte);
  const size_t line = static_cast<size_t>(it - lineStarts_.begin());
  const size_t lineStart = lineStarts_[line - 1];
  int column = 1;
  for (size_t i = lineStart; i < byte; ++i) {
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<int>(line), column};
}

}  // namespace gongwen::check
