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

// The ordinals inside a paragraph, from `from` on, where real text has run paragraphs together:
// after a sentence's end ("…配合。五、对意见…", "…本制度.1。局务会制度…") and, once the
// paragraph has shown an ordinal (`afterOrdinal`: one starts it), bracketed right after heading
// text ("…局务会制度(1)局务会由…"). Reports ordinal.form as checkOrdinal does. Numbers in running
// text (2026年, 3.5%, 第1条, 1、2、3项, 合计：5。) are not ordinals.
std::vector<Ordinal> checkInlineOrdinals(std::u32string_view text, size_t from, bool afterOrdinal,
                                         Hits& hits);

// Collects the ordinals of one body (正文 or one attachment) and reports ordinal.sequence and
// ordinal.level. `paragraph` is the caller's index for where the hit belongs. Sequences start
// afresh where a new section evidently begins: at a title (restart) and at 一、 after a run of
// 一、二、…, so that separate lists raise no sequence warnings.
class OrdinalOrder {
 public:
  struct Placed {
    size_t paragraph;
    Hit hit;
  };

  void add(size_t paragraph, const Ordinal& ordinal);
  // A title stands here: the ordinals after it are a new section.
  void restart();
  std::vector<Placed> finish() const;

 private:
  struct Entry {
    size_t paragraph;
    Ordinal ordinal;
  };
  // ordinal.level and ordinal.sequence over entries [begin, end), one section.
  void judgeSection(size_t begin, size_t end, std::vector<Placed>& out) const;

  std::vector<Entry> entries_;
  std::vector<size_t> sectionStarts_;  // indices into entries_
};

}  // namespace gongwen::check
