#include "pipeline/xml/XmlErrorText.h"

#include <utility>
#include <vector>

namespace gongwen::xml {
namespace {

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "( a, b, c )" anywhere in `s` -> "'a', 'b', 'c'"; empty when there is no such list.
std::string quotedList(const std::string& s, bool* several) {
  const size_t open = s.find("( ");
  const size_t close = s.find(" )", open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return {};
  const std::string inner = s.substr(open + 2, close - open - 2);
  std::string out;
  size_t start = 0;
  *several = false;
  while (start <= inner.size()) {
    size_t comma = inner.find(", ", start);
    if (comma == std::string::npos) comma = inner.size();
    if (!out.empty()) {
      out += ", ";
      *several = true;
    }
    out += "'" + inner.substr(start, comma - start) + "'";
    start = comma + 2;
  }
  return out;
}

std::string expectation(const std::string& rest) {
  bool several = false;
  const std::string list = quotedList(rest, &several);
  if (list.empty()) return {};
  return several ? "; expected one of " + list : "; expected " + list;
}

// "The value 'x' is not an element of the set {'a', 'b'}." -> "'x' is not allowed; use one of 'a', 'b'"
std::string enumerationProblem(const std::string& rest) {
  const std::string marker = "The value '";
  const size_t markerAt = rest.find(marker);
  const size_t valueStart = markerAt == std::string::npos ? std::string::npos : markerAt + marker.size() - 1;
  const size_t valueEnd = rest.find("' is not an element", markerAt);
  const size_t setStart = rest.find('{');
  const size_t setEnd = rest.rfind('}');
  if (valueStart == std::string::npos || valueEnd == std::string::npos || setStart == std::string::npos ||
      setEnd == std::string::npos || setEnd < setStart) {
    return rest;
  }
  return rest.substr(valueStart, valueEnd - valueStart + 1) + " is not allowed; use one of " +
         rest.substr(setStart + 1, setEnd - setStart - 1);
}

std::string rewriteProblem(const std::string& rest) {
  if (startsWith(rest, "This element is not expected.")) return "not expected here" + expectation(rest);
  if (startsWith(rest, "Missing child element(s).")) return "missing child element" + expectation(rest);
  if (startsWith(rest, "[facet 'minLength'] The value has a length of '0'")) return "must not be empty";
  if (startsWith(rest, "[facet 'enumeration']")) return enumerationProblem(rest);
  if (startsWith(rest, "Element content is not allowed, because the type definition is simple")) {
    return "contains markup; write plain text only";
  }
  if (startsWith(rest, "[facet 'pattern'] The value ")) {
    std::string out = rest.substr(28);
    if (!out.empty() && out.back() == '.') out.pop_back();
    return "value " + out;
  }
  if (startsWith(rest, "Character content other than whitespace is not allowed")) {
    return "text is not allowed directly here; put it inside a child element";
  }
  if (startsWith(rest, "No matching global declaration available for the validation root.")) {
    return "unknown root element";
  }
  std::string out = rest;
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (startsWith(out, "The attribute ")) out = "attribute " + out.substr(14);
  return out;
}

}  // namespace

std::string oneLine(const std::string& libxmlMessage) {
  std::string out;
  out.reserve(libxmlMessage.size());
  for (char c : libxmlMessage) out += (c == '\n' || c == '\r') ? ' ' : c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string describeSchemaError(const std::string& libxmlMessage) {
  const std::string message = oneLine(libxmlMessage);
  // libxml2 writes "Element 'x': ..." or "Element 'x', attribute 'y': ..."
  if (!startsWith(message, "Element '")) return message;
  const size_t colon = message.find("': ");
  if (colon == std::string::npos) return message;
  const std::string subject = "element" + message.substr(7, colon + 1 - 7);
  return subject + ": " + rewriteProblem(message.substr(colon + 3));
}

}  // namespace gongwen::xml
