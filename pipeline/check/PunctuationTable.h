#pragma once
// The one punctuation table of the checker (GB/T 15834-2011): the paired marks, the 点号, and
// the half-width marks clerks type by mistake with their full-width replacements.

namespace gongwen::check {

enum class PairKind { DoubleQuote, SingleQuote, Bracket, BookTitle, InnerBookTitle };

struct MarkPair {
  char32_t open;
  char32_t close;
  PairKind kind;
};

// A half-width mark and what replaces it in Chinese text; quotes have distinct open/close forms.
struct HalfwidthMark {
  char32_t ascii;
  char32_t fullOpen;
  char32_t fullClose;
};

const MarkPair* pairOpenedBy(char32_t c);
const MarkPair* pairClosedBy(char32_t c);
const HalfwidthMark* halfwidthMark(char32_t c);

// 点号: 。？！，、；：
bool isPointMark(char32_t c);
// ？ and ！ may be doubled or combined for emphasis (GB/T 15834-2011 5.1.2); the others may not.
bool mayRepeat(char32_t c);

}  // namespace gongwen::check
