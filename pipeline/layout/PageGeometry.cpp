#include "pipeline/layout/PageGeometry.h"

#include <algorithm>
#include <cmath>

namespace gongwen::layout {

int firstGridLineBelow(double y, int blankLines) {
  return std::max(0, static_cast<int>(std::lround((kTypeTop - y) / kLinePitch + blankLines)));
}

}  // namespace gongwen::layout
