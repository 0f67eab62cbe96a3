#include "signing/verify/PdfSerialiser.h"

#include <charconv>
#include <cmath>

#include "pipeline/core/Error.h"

namespace gongwen::verify::pdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// ISO 32000-1 §7.3.5: a name's bytes outside '!'..'~', its delimiters and '#' are written as #xx.
bool needsEscape(unsigned char c) {
  if (c < 0x21 || c > 0x7E) return true;
  switch (c) {
    case '#':
    case '%':
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
      return true;
    default:
      return false;
  }
}

void appendName(std::string& out, const std::string& name) {
  out += '/';
  for (const unsigned char c : name) {
    if (needsEscape(c)) {
      out += '#';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
}

void appendHexString(std::string& out, const std::string& bytes) {
  out += '<';
  for (const unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  out += '>';
}

void appendNumber(std::string& out, const Object& value) {
  char text[400];  // the longest fixed form of a double: 309 digits and a sign
  std::to_chars_result written{};
  if (value.isInteger()) {
    written = std::to_chars(text, text + sizeof text, static_cast<long long>(value.number));
  } else if (std::isfinite(value.number)) {
    // Shortest digits that read back to the same double; strtod reads them as the parser does.
    written = std::to_chars(text, text + sizeof text, value.number, std::chars_format::fixed);
  } else {
    throw inputError("pdf.serialise", "a number that is not finite cannot be written in PDF syntax");
  }
  out.append(text, written.ptr);
}

void append(std::string& out, const Object& value) {
  switch (value.kind) {
    case Object::Kind::Null:
      out += "null";
      return;
    case Object::Kind::Bool:
      out += value.boolean ? "true" : "false";
      return;
    case Object::Kind::Number:
      appendNumber(out, value);
      return;
    case Object::Kind::String:
      appendHexString(out, value.text);
      return;
    case Object::Kind::Name:
      appendName(out, value.text);
      return;
    case Object::Kind::Ref:
      out += serialise(value.ref);
      return;
    case Object::Kind::Array:
      out += '[';
      for (size_t i = 0; value.array && i < value.array->size(); ++i) {
        if (i > 0) out += ' ';
        append(out, (*value.array)[i]);
      }
      out += ']';
      return;
    case Object::Kind::Dict:
      out += "<<";
      for (size_t i = 0; value.dict && i < value.dict->size(); ++i) {
        const auto& [key, entry] = (*value.dict)[i];
        if (i > 0) out += ' ';
        appendName(out, key);
        out += ' ';
        append(out, entry);
      }
      out += ">>";
      return;
    case Object::Kind::Stream:
      throw inputError("pdf.serialise",
                       "a stream cannot be copied by its dictionary alone; its data would be lost");
  }
}

}  // namespace

std::string serialise(const Object& value) {
  std::string out;
  append(out, value);
  return out;
}

std::string serialise(const Ref& ref) {
  return std::to_string(ref.number) + " " + std::to_string(ref.generation) + " R";
}

}  // namespace gongwen::verify::pdf
