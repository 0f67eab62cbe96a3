#pragma once
// What a rule reports while scanning one paragraph or element text: a span in characters of that
// text. The checker turns hits into findings with file, line and column.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::check {

struct Hit {
  std::string_view rule;
  size_t offset = 0;  // in characters of the scanned text
  size_t length = 0;
  std::optional<std::u32string> fix;  // replacement for [offset, offset + length)
  std::string detail;                 // appended to the catalog message
};

// The hits of one text. The first rule to claim a span wins: a later hit that overlaps an earlier
// one is dropped, so one mistake gives one finding and fixes never overlap. Capped so that a
// pathological input (a 10 MB line of brackets) cannot exhaust memory.
class Hits {
 public:
  static constexpr size_t kMaxPerText = 500;

  void add(std::string_view rule, size_t offset, size_t length, std::optional<std::u32string> fix = {},
           std::string detail = {});
  bool full() const { return items_.size() >= kMaxPerText; }
  const std::vector<Hit>& items() const { return items_; }

 private:
  std::vector<Hit> items_;
};

}  // namespace gongwen::check
