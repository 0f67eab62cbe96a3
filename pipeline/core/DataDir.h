#pragma once
// Where the program finds what ships with it (templates/, schemas/, fonts/, dictionaries/):
// $GONGWEN_DATA_DIR if set, else the source tree the program was built from.

#include <string>

namespace gongwen {

// dataPath("schemas/job.xsd") -> an absolute path under the data directory.
std::string dataPath(const std::string& relative);

}  // namespace gongwen
