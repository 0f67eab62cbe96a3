#pragma once
// UTF-8 <-> code points, through ICU so that invalid input is detected in one place.

#include <string>
#include <string_view>

namespace gongwen {

// Decodes UTF-8. Throws Error(InputInvalid, "text.utf8") naming `where` and the byte offset
// of the first invalid sequence.
std::u32string toUtf32(std::string_view utf8, const std::string& where);

std::string toUtf8(std::u32string_view text);
std::string toUtf8(char32_t c);

// "U+4E00 「一」" — how messages name a character.
std::string describeChar(char32_t c);

}  // namespace gongwen
