#pragma once
// RFC 4180 CSV as the proposals register is exported from a spreadsheet: fields separated by commas,
// records by CRLF or LF, a field in double quotes may hold commas, line breaks and doubled quotes
// (""), and a UTF-8 byte order mark at the start is skipped.

#include <string>
#include <string_view>
#include <vector>

namespace gongwen::reply {

struct CsvRecord {
  std::vector<std::string> fields;  // line breaks inside quoted fields come out as "\n"
  int line = 0;                     // the line of the file the record starts on (1-based)
};

// Throws Error(InputInvalid, "csv.syntax") naming `file`, the line and what is wrong for a quote
// that is never closed, a quote inside an unquoted field, or text after a closing quote: past such
// a mistake the record boundaries are unknown, so no row can be trusted.
std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& file);

}  // namespace gongwen::reply
