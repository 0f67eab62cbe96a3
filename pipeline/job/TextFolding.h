#pragma once
// Element text as the clerk meant it, not as the XML pretty-printer left it.

#include <string>
#include <string_view>

namespace gongwen::job {

// Trims XML whitespace at both ends. A whitespace run that contains a line break (indentation of a
// wrapped paragraph) is removed entirely when a CJK (wide) character is on either side, and
// becomes one space between two Latin letters or digits. Runs without a line break are kept as
// typed, so the checker still sees spaces the clerk put in.
std::string foldText(std::string_view raw);

}  // namespace gongwen::job
