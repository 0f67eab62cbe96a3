#pragma once
// The 发文字号 sequence of the documents the bureau issued (DA/T 70 完整性: continuous numbering), per
// 机关代字 and year: numbers missing between the lowest and the highest archived, numbers archived
// twice, and 发文字号 that cannot be read as one. Numbers are read as the registry reads them
// (DocumentNumber.h, the checker's parser).

#include <string>
#include <vector>

namespace gongwen::archive {

struct NumberedDocument {
  std::string id;      // archive id
  std::string number;  // 发文字号 as registered, e.g. 江州环发〔2026〕12号
};

struct NumberSequence {
  std::string organCode;  // 机关代字, e.g. 江州环发
  long long year = 0;
  std::size_t documents = 0;
  long long lowest = 0, highest = 0;
};

struct NumberingFinding {
  enum class Kind { Gap, Duplicate, Unreadable };
  Kind kind = Kind::Gap;
  std::string organCode;
  long long year = 0;
  long long first = 0, last = 0;  // Gap: the missing numbers; Duplicate: the number (first == last)
  std::vector<std::string> ids;   // Duplicate: the documents sharing it; Unreadable: the document
  std::string number;             // Unreadable: the text as registered
};

struct NumberingReport {
  std::vector<NumberSequence> sequences;  // ordered by organ code, then year
  std::vector<NumberingFinding> findings;
};

// Numbers before the lowest archived one are not gaps: an archive may begin in the middle of a year.
NumberingReport checkNumbering(const std::vector<NumberedDocument>& documents);

}  // namespace gongwen::archive
