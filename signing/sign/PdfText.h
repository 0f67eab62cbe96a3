#pragma once
// Small PDF syntax helpers for the objects signing writes by hand.

#include <ctime>
#include <string>
#include <string_view>

namespace gongwen::sign {

// A PDF text string: a literal for plain ASCII, else hex UTF-16BE with a byte-order mark.
std::string pdfTextString(std::string_view utf8);

// Upper-case hexadecimal of raw bytes.
std::string toHex(std::string_view bytes);

}  // namespace gongwen::sign
