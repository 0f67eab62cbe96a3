#pragma once
// Job XML or plain text: told apart by content, not by file name.

#include <string_view>

namespace gongwen::check {

bool looksLikeXml(std::string_view bytes);

}  // namespace gongwen::check
