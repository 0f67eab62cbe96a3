#pragma once
// One thing the proof-reader found: which rule, where (file, line, column in characters), what
// is wrong in words a clerk understands, and — only when the correction is certain — the text
// that replaces the flagged span.

#include <optional>
#include <string>

namespace gongwen::check {

enum class Severity { Error, Warning };

const char* severityName(Severity s);  // "error" / "warning"

struct Finding {
  std::string rule;  // stable dotted id, e.g. "punct.halfwidth"
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;                    // 1-based line in `file`
  int column = 0;                  // 1-based, counted in Unicode characters (a 汉字 is one column)
  int length = 0;                  // flagged span, in characters
  std::string element;             // XPath of the job element; empty for plain text
  std::string message;             // Chinese, names the rule's requirement and, if known, the correction
  std::optional<std::string> fix;  // replacement for the flagged span; absent when not certain
  std::string excerpt;             // the checked line (or element text) the column counts in
  int excerptColumn = 0;           // where the span starts inside `excerpt` (1-based)
};

}  // namespace gongwen::check
