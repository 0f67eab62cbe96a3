#pragma once
// The proof-reader: GB/T 9704, GB/T 15834 and GB/T 15835 rules over a document model or a plain
// text, and the one formatter both `gongwen check` and `gongwen render` print findings with.

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

// A job XML (loaded with job::loadJob) or a plain text file, told apart by content.
std::vector<Finding> checkFile(const std::string& path);

bool hasErrors(const std::vector<Finding>& findings);

// Compiler style: "file:line:col: error[rule]: message", the line and a caret under the span.
std::string formatFindings(const std::vector<Finding>& findings);
// A JSON array of {rule, severity, file, line, column, length, element, message, fix}.
std::string formatFindingsJson(const std::vector<Finding>& findings);

}  // namespace gongwen::check
