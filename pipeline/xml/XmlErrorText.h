#pragma once
// Turns libxml2's error texts into the one-line form our messages use.

#include <string>

namespace gongwen::xml {

// Trailing newline removed, inner line breaks folded to spaces.
std::string oneLine(const std::string& libxmlMessage);

// libxml2's schema validity message ("Element 'titel': This element is not expected. Expected is
// ( title ).") rewritten for a clerk ("element 'titel': not expected here; expected 'title'").
std::string describeSchemaError(const std::string& libxmlMessage);

}  // namespace gongwen::xml
