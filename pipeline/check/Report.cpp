// The two output forms of findings: compiler-style text and JSON.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

#include "pipeline/check/Checker.h"

namespace gongwen::check {

namespace {

// Terminal columns of a UTF-8 string: wide and full-width characters take two.
int displayWidth(std::string_view s, int characters) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  int width = 0;
  for (int k = 0; k < characters && i < n; ++k) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string caretLine(const Finding& f) {
  const int lead = displayWidth(f.excerpt, f.excerptColumn - 1);
  const std::string_view rest = std::string_view(f.excerpt);
  int span = 0;
  if (f.length > 0) {
    span = displayWidth(rest, f.excerptColumn - 1 + f.length) - lead;
  }
  return std::string(static_cast<size_t>(lead), ' ') + "^" +
         std::string(static_cast<size_t>(span > 1 ? span - 1 : 0), '~');
}

void appendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace

std::string formatFindings(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
           severityName(f.severity) + "[" + f.rule + "]: " + f.message;
    if (!f.element.empty()) out += " (" + f.element + ")";
    out += "\n    " + f.excerpt + "\n    " + caretLine(f) + "\n";
  }
  return out;
}

std::string formatFindingsJson(const std::vector<Finding>& findings) {
  std::string out = "[";
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out += i == 0 ? "\n  {" : ",\n  {";
    out += "\"rule\": ";
    appendJsonString(out, f.rule);
    out += ", \"severity\": ";
    appendJsonString(out, severityName(f.severity));
    out += ", \"file\": ";
    appendJsonString(out, f.file);
    out += ", \"line\": " + std::to_string(f.line) + ", \"column\": " + std::to_string(f.column) +
           ", \"length\": " + std::to_string(f.length) + ", \"element\": ";
    if (f.element.empty()) {
      out += "null";
    } else {
      appendJsonString(out, f.element);
    }
    out += ", \"message\": ";
    appendJsonString(out, f.message);
    out += ", \"fix\": ";
    if (f.fix) {
      appendJsonString(out, *f.fix);
    } else {
      out += "null";
    }
    out += "}";
  }
  out += findings.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace gongwen::check
