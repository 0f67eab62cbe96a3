#include "signing/verify/PdfSerialiser.h"

#include <charconv>
#include <cmath>

#include "pipeline/core/Error.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::verify::pdf {
namespace {

using gongwen::pdf::hexString;
using gongwen::pdf::pdfName;

// Names and strings in the writer's own syntax (pipeline/pdfsyntax); a string always as hex, so
// that any bytes read back are written back unchanged.
void appendName(std::string& out, const std::string& name) {
  if (name.find('\0') != std::string::npos)
    throw inputError("pdf.serialise", "a name holding a NUL byte cannot be written in PDF syntax");
  out += pdfName(name);
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
      out += hexString(value.text);
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
