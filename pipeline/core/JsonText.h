#pragma once
// The reports each command prints as JSON are written by hand (a few flat objects); their strings
// are quoted here, one way for all.

#include <string>
#include <string_view>

namespace gongwen {

// `text` as a JSON string literal, quotes included: `"` and `\` escaped, control characters as \u00XX.
std::string jsonString(std::string_view text);

}  // namespace gongwen
