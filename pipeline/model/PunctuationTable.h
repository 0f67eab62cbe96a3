#pragma once
// The one table of GB/T 15834-2011 punctuation (GBT9704.md B.1) that the layout (line breaking,
// measuring, compression) and the checker (pairs, 点号, half-width marks typed by mistake) both
// consult. Nothing else in either stage lists punctuation marks.

#include <cstdint>

namespace gongwen::model {

// Layout classes of a mark.
enum PunctuationClass : uint8_t {
  kNoLineStart = 1,             // 避头: stops, closing marks, 连接号, 间隔号 (5.1.1–5.1.3)
  kNoLineEnd = 2,               // 避尾: opening marks (5.1.3)
  kUnsplittablePair = 4,        // —— and …… are one mark of two 字 and never split
  kNoLineStartWhenSingle = 8,   // a lone — is the 一字线 连接号, which may not start a line
  kFullWidth = 16,              // occupies one 字 whatever its East Asian Width says
  kCompressibleAtLineEnd = 32,  // glyph in the left half of its 字: may be set half width (5.1.10)
  kStackedShareCells = 64,  // ？ ！: n of them in a row take n − 1 字 (5.1.2: ？！ one 字, three two)
};

// The paired marks the checker balances, by family (nesting rules differ per family).
enum class PairKind : uint8_t { None, DoubleQuote, SingleQuote, Bracket, BookTitle, InnerBookTitle };

struct PunctuationMark {
  char32_t c;
  uint8_t classes;     // PunctuationClass bits
  PairKind kind;       // None for marks the checker does not pair
  char32_t partner;    // the other half of a paired mark
  char32_t fullOpen;   // a half-width mark typed in Chinese text: the full-width mark that replaces
  char32_t fullClose;  // it (quotes have distinct opening and closing forms); 0 otherwise
  bool point;          // 点号: 。？！，、；：
};

// The classes of `c` (0 for characters the table does not list).
uint8_t punctuationClass(char32_t c);

inline bool hasClass(char32_t c, PunctuationClass k) { return (punctuationClass(c) & k) != 0; }

// The opening mark of the pair `c` opens or closes; the same entry for both halves.
const PunctuationMark* pairOpenedBy(char32_t c);
const PunctuationMark* pairClosedBy(char32_t c);

// A half-width mark with a full-width replacement (fullOpen/fullClose), or nullptr.
const PunctuationMark* halfwidthMark(char32_t c);

// 点号: 。？！，、；：
bool isPointMark(char32_t c);
// ？ and ！ may be doubled or combined for emphasis (GB/T 15834-2011 5.1.2); the others may not.
inline bool mayRepeat(char32_t c) { return hasClass(c, kStackedShareCells); }

}  // namespace gongwen::model
