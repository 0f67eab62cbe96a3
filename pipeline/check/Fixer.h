#pragma once
// --fix: applies only the certain fixes, repeating until the text no longer changes, so that a
// second run changes nothing.

#include <string>
#include <string_view>

namespace gongwen::check {

// A plain text with every certain fix applied.
std::string fixText(std::string_view utf8, const std::string& file);

// A job XML with every certain fix applied inside the element texts it came from; all other
// bytes stay as they were.
std::string fixJob(const std::string& path);

}  // namespace gongwen::check
