#pragma once
// A text of the job and where it came from: every model (公文, form, leave request, voucher) keeps
// its texts this way so that findings and errors can point back to the job file.

#include <string>

namespace gongwen::model {

// Where a piece of text came from: the job file, the line of its element, and the element's
// XPath (e.g. /job/body/p[3]).
struct SourceLocation {
  std::string file;
  int line = 0;
  std::string xpath;

  // "samples/jobs/notice.xml:12 (/job/body/p[3])"
  std::string describe() const;
};

// A text element of the job. `value` is UTF-8 exactly as written (surrounding whitespace trimmed,
// inner line breaks folded away).
struct Text {
  std::string value;
  SourceLocation where;

  bool empty() const { return value.empty(); }
};

}  // namespace gongwen::model
