// punct.unbalanced and punct.nesting over the full-width paired marks of the punctuation table.

#include <vector>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/TextRules.h"
#include "pipeline/model/PunctuationTable.h"

namespace gongwen::check {

namespace {

using model::PairKind;
using model::PunctuationMark;

struct Open {
  const PunctuationMark* pair;
  size_t offset;
};

// The innermost open mark of the same family (quotes or book titles), if any.
const Open* innermost(const std::vector<Open>& stack, PairKind a, PairKind b) {
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if (it->pair->kind == a || it->pair->kind == b) return &*it;
  }
  return nullptr;
}

bool isQuote(const PunctuationMark& p) {
  return p.kind == PairKind::DoubleQuote || p.kind == PairKind::SingleQuote;
}

bool isApostrophe(std::u32string_view t, size_t i) {
  return t[i] == U'\u2019' && i > 0 && isAsciiLetter(t[i - 1]) && i + 1 < t.size() && isAsciiLetter(t[i + 1]);
}

void checkNestingAt(const std::vector<Open>& stack, const PunctuationMark& p, size_t i, Hits& hits) {
  if (p.kind == PairKind::DoubleQuote) {
    const Open* q = innermost(stack, PairKind::DoubleQuote, PairKind::SingleQuote);
    if (q && q->pair->kind == PairKind::DoubleQuote) {
      hits.add("punct.nesting", i, 1, std::nullopt, "（双引号里面应使用单引号‘’）");
    }
  } else if (p.kind == PairKind::BookTitle) {
    const Open* b = innermost(stack, PairKind::BookTitle, PairKind::InnerBookTitle);
    if (b && b->pair->kind == PairKind::BookTitle) {
      hits.add("punct.nesting", i, 1, std::nullopt, "（书名号里面应使用单书名号〈〉）");
    }
  }
}

}  // namespace

std::optional<size_t> checkPairs(std::u32string_view t, Hits& hits) {
  std::vector<Open> stack;
  for (size_t i = 0; i < t.size() && !hits.full(); ++i) {
    const char32_t c = t[i];
    if (c < 0x2018) continue;
    if (const PunctuationMark* p = model::pairOpenedBy(c)) {
      checkNestingAt(stack, *p, i, hits);
      stack.push_back({p, i});
      continue;
    }
    const PunctuationMark* p = model::pairClosedBy(c);
    if (!p || isApostrophe(t, i)) continue;
    // Look a few levels down only: a mismatched closer is found at once, and a line of ten
    // million brackets stays linear.
    constexpr size_t kSearchDepth = 16;
    size_t match = stack.size();
    while (match > 0 && stack[match - 1].pair != p && stack.size() - match < kSearchDepth) --match;
    if (match > 0 && stack[match - 1].pair != p) match = 0;
    if (match == 0) {
      hits.add("punct.unbalanced", i, 1, std::nullopt, "（缺少与之配对的前一半）");
      continue;
    }
    for (size_t k = match; k < stack.size(); ++k) reportUnclosed(stack[k].offset, hits);
    stack.resize(match - 1);
  }
  if (stack.size() == 1 && isQuote(*stack.front().pair)) return stack.front().offset;
  for (const auto& o : stack) reportUnclosed(o.offset, hits);
  return std::nullopt;
}

bool continuesQuotation(char32_t mark, std::u32string_view next) {
  size_t i = 0;
  while (i < next.size() && isInlineSpace(next[i])) ++i;
  return i < next.size() && next[i] == mark;
}

void reportUnclosed(size_t offset, Hits& hits) {
  hits.add("punct.unbalanced", offset, 1, std::nullopt, "（缺少与之配对的后一半）");
}

}  // namespace gongwen::check
