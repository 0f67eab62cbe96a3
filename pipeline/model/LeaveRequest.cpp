#include "pipeline/model/LeaveRequest.h"

#include <algorithm>
#include <array>

namespace gongwen::model {

bool LeaveRequest::statutory() const {
  static const std::array<const char*, 5> kStatutory = {"公休假", "探亲假", "婚假", "产假", "丧假"};
  return std::any_of(kStatutory.begin(), kStatutory.end(), [&](const char* k) { return kind.value == k; });
}

int LeaveRequest::halfDays() const {
  int whole = 0;
  const std::size_t point = days.value.find('.');
  for (char c : days.value.substr(0, point)) whole = whole * 10 + (c - '0');
  const bool half = point != std::string::npos && days.value.compare(point, 2, ".5") == 0;
  return whole * 2 + (half ? 1 : 0);
}

}  // namespace gongwen::model
