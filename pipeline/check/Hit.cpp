#include "pipeline/check/Hit.h"

namespace gongwen::check {

void Hits::add(std::string_view rule, size_t offset, size_t length, std::optional<std::u32string> fix,
               std::string detail) {
  if (full()) return;
  const size_t end = offset + (length == 0 ? 1 : length);
  for (const auto& h : items_) {
    const size_t hEnd = h.offset + (h.length == 0 ? 1 : h.length);
    if (offset < hEnd && h.offset < end) return;
  }
  items_.push_back(Hit{rule, offset, length, std::move(fix), std::move(detail)});
}

}  // namespace gongwen::check
