#include "pipeline/core/DataDir.h"

#include <cstdlib>

namespace gongwen {

std::string dataPath(const std::string& relative) {
  const char* env = std::getenv("GONGWEN_DATA_DIR");
  const std::string root = (env && *env) ? env : GONGWEN_DEFAULT_DATA_DIR;
  return root + "/" + relative;
}

}  // namespace gongwen
