#pragma once
// Turns hits (spans in a checked text) into findings with file, line, column and message.

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/check/Finding.h"
#include "pipeline/check/Hit.h"

namespace gongwen::check {

// Where the hit's first character is in the source: (line, column) of `file`.
struct Place {
  std::string file;
  int line = 0;
  int column = 1;
  std::string element;
};

// In reading order: by line, then column.
void sortByPosition(std::vector<Finding>& findings);

Finding makeFinding(const Hit& hit, std::u32string_view text, const Place& place);

}  // namespace gongwen::check
