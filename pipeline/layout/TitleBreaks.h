#pragma once
// Where a title may break and how well each break reads (GB/T 9704 7.3.1: 词意完整). A break is
// classed by what it would cut: nothing (a semantic seam: around 关于, after an organ's name,
// around 的, before the document kind), a plain word boundary, a count from what it counts
// (一起 / 事件), or a fixed term — an organ's name, a 《…》 title, a number with its unit, or one
// of the compound terms shipped in dictionaries/title-terms.txt, which ICU's dictionary splits.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/Document.h"

namespace gongwen::layout {

enum class TitleBreakKind : uint8_t {
  Seam,        // before or after 关于
  MinorSeam,   // around 的, a conjunction, a name's edge, before the 文种; after a verb opening the 事由
  Word,        // an ICU word boundary inside a phrase
  AfterCount,  // right after a number and its measure word (一起 / 储罐泄漏事件)
  InsideTerm,  // inside a name, a 《…》 title, a number with its unit or a compound term
};

struct TitleBreak {
  size_t at = 0;  // a line may start at text[at]
  TitleBreakKind kind = TitleBreakKind::Word;
  size_t termBegin = 0;  // for InsideTerm: the widest term the break would cut
  size_t termEnd = 0;
};

// Every position where a title may break (the 避头尾 rules and ICU allow it; word boundaries and
// seams only), in order. `names` are the organ and people names to keep whole, besides the
// compound terms.
std::vector<TitleBreak> titleBreaks(std::u32string_view text, const std::vector<std::u32string>& names);

// The names a document's titles must keep whole: its issuers, recipients (主送, 抄送, split at
// 、，, ：。), signatories and the protected terms the renderer was given.
std::vector<std::u32string> namesToKeepWhole(const model::Document& doc);

}  // namespace gongwen::layout
