#pragma once
// Job XML or plain text: told apart by content, not by file name.

#include <string>
#include <string_view>

namespace gongwen::check {

bool looksLikeXml(std::string_view bytes);

// The name of the root element, from the start of an XML text (past a BOM, the declaration,
// comments, processing instructions and a DOCTYPE); "" when that start holds no start tag.
std::string rootElementName(std::string_view start);

}  // namespace gongwen::check
