#pragma once
// 结构层次序数 (GB/T 9704-2012 7.3.3): 一、 → （一） → 1. → （1）. The form of one ordinal is
// judged where it stands; the sequence and the level order across the whole text at the end.

#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/check/Hit.h"

namespace gongwen::check {

struct Ordinal {
  int level = 0;  // 1 一、  2 （一）  3 1.  4 （1）
  int value = 0;
  size_t begin = 0;  // after leading indentation
  size_t end = 0;    // after the ordinal and any wrong mark that follows it
};

// Reads the ordinal that starts the paragraph, reporting ordinal.form for a wrong one.
std::optional<Ordinal> checkOrdinal(std::u32string_view text, Hits& hits);

// Collects the ordinals of one body (正文 or one attachment) and reports ordinal.sequence and
// ordinal.level. `paragraph` is the caller's index for where the hit belongs.
class OrdinalOrder {
 public:
  struct Placed {
    size_t paragraph;
    Hit hit;
  };

  void add(size_t paragraph, const Ordinal& ordinal);
  std::vector<Placed> finish() const;

 private:
  struct Entry {
    size_t paragraph;
    Ordinal ordinal;
  };
  std::vector<Entry> entries_;
};

}  // namespace gongwen::check
