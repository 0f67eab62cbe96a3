#pragma once
// The proof-reader: GB/T 9704, GB/T 15834 and GB/T 15835 rules over a document model or a plain
// text, and the one formatter both `gongwen check` and `gongwen render` print findings with.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/check/Finding.h"
#include "pipeline/model/Document.h"

namespace gongwen::check {

// All rules over every element, each element judged by what it is (发文字号, 成文日期, 主送 …).
// Findings point to the job file's line and column when the element text can be traced there.
std::vector<Finding> checkDocument(const model::Document& doc);

// A plain UTF-8 text (one paragraph per line). Throws Error(InputInvalid, "text.utf8") for
// invalid UTF-8 and Error(InputInvalid, "text.binary") for a file with NUL bytes.
std::vector<Finding> checkText(std::string_view utf8, const std::string& file);

// The same for a text read piece by piece: `nextPiece` gives the next bytes (pieces may end
// anywhere, even inside a character) and an empty view at the end. Each line is checked as soon as
// it is complete, so memory holds one line, not the file.
std::vector<Finding> checkTextPieces(const std::function<std::string_view()>& nextPiece,
                                     const std::string& file);

// A job XML (loaded with job::loadJob) or a plain text file (read a piece at a time), told apart by
// content. Reading fails as readInput does, within the limit for a job or a plain text.
std::vector<Finding> checkFile(const std::string& path);

bool hasErrors(const std::vector<Finding>& findings);

// Compiler style: "file:line:col: error[rule]: message", the line and a caret under the span.
std::string formatFindings(const std::vector<Finding>& findings);
// A JSON array of {rule, severity, file, line, column, length, element, message, fix}.
std::string formatFindingsJson(const std::vector<Finding>& findings);

}  // namespace gongwen::check
