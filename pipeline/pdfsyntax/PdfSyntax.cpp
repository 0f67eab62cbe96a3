#include "pipeline/pdfsyntax/PdfSyntax.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "pipeline/core/Utf.h"

namespace gongwen::pdf {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void appendHexByte(std::string& out, unsigned char byte) {
  out += kHexDigits[byte >> 4];
  out += kHexDigits[byte & 0xF];
}

// §7.2.2: the delimiters end a name, so inside one they must be written as #XX.
bool isDelimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }

void appendUtf16Unit(std::string& out, unsigned unit) {
  out += static_cast<char>(unit >> 8);
  out += static_cast<char>(unit & 0xFF);
}

}  // namespace

std::string pdfName(std::string_view name) {
  std::string out = "/";
  out.reserve(name.size() + 1);
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0) throw std::invalid_argument("a PDF name cannot contain a NUL byte");
    if (byte < '!' || byte > '~' || c == '#' || isDelimiter(c)) {
      out += '#';
      appendHexByte(out, byte);
    } else {
      out += c;
    }
  }
  return out;
}

std::string literalString(std::string_view bytes) {
  std::string out = "(";
  out.reserve(bytes.size() + 2);
  for (char c : bytes) {
    switch (c) {
      case '(':
      case ')':
      case '\\':
        out += '\\';
        out += c;
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out + ')';
}

std::string hexString(std::string_view bytes) {
  std::string out = "<";
  out.reserve(2 * bytes.size() + 2);
  for (char c : bytes) appendHexByte(out, static_cast<unsigned char>(c));
  return out + '>';
}

std::string textString(std::string_view utf8) {
  bool printableAscii = true;
  for (char c : utf8) printableAscii = printableAscii && c >= ' ' && c <= '~';
  if (printableAscii) return literalString(utf8);
  std::string utf16;
  appendUtf16Unit(utf16, 0xFEFF);
  for (char32_t c : toUtf32(utf8, "a PDF text string")) {
    if (c < 0x10000) {
      appendUtf16Unit(utf16, c);
    } else {
      appendUtf16Unit(utf16, 0xD800 + ((c - 0x10000) >> 10));
      appendUtf16Unit(utf16, 0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  return hexString(utf16);
}

std::string integer(long long value) { return std::to_string(value); }

std::string real(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("a PDF number must be finite");
  char digits[64];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, 6);
  if (error != std::errc()) throw std::invalid_argument("a PDF number out of range");
  std::string out(digits, end);
  // Trailing zeros and a bare point say nothing; "-0" is 0.
  out.erase(out.find_last_not_of('0') + 1);
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

std::string reference(unsigned number) { return std::to_string(number) + " 0 R"; }

std::string array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& value : values) {
    if (out.size() > 1) out += ' ';
    out += value;
  }
  return out + ']';
}

DictionaryWriter& DictionaryWriter::add(std::string_view key, std::string_view value) {
  entries_ += ' ';
  entries_ += pdfName(key);
  entries_ += ' ';
  entries_ += value;
  return *this;
}

std::string streamBody(DictionaryWriter dictionary, std::string_view data) {
  dictionary.add("Length", integer(static_cast<long long>(data.size())));
  std::string body = dictionary.text();
  body.reserve(body.size() + data.size() + 20);
  // The end-of-line before "endstream" is not part of the data (§7.3.8.1).
  body += "\nstream\n";
  body += data;
  body += "\nendstream";
  return body;
}

}  // namespace gongwen::pdf
