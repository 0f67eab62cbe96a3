#include "pipeline/model/PunctuationTable.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace gongwen::model {
namespace {

constexpr uint8_t kStop = kNoLineStart | kFullWidth | kCompressibleAtLineEnd;
constexpr uint8_t kOpen = kNoLineEnd | kFullWidth;
constexpr uint8_t kLatinClose = kNoLineStart;
constexpr uint8_t kLatinOpen = kNoLineEnd;

constexpr PairKind kNone = PairKind::None;
constexpr PairKind kDouble = PairKind::DoubleQuote;
constexpr PairKind kSingle = PairKind::SingleQuote;
constexpr PairKind kBracket = PairKind::Bracket;
constexpr PairKind kBook = PairKind::BookTitle;
constexpr PairKind kInnerBook = PairKind::InnerBookTitle;

constexpr PunctuationMark mark(char32_t c, uint8_t classes) { return {c, classes, kNone, 0, 0, 0, false}; }
constexpr PunctuationMark pair(char32_t c, uint8_t classes, PairKind kind, char32_t partner) {
  return {c, classes, kind, partner, 0, 0, false};
}
constexpr PunctuationMark point(char32_t c, uint8_t classes) { return {c, classes, kNone, 0, 0, 0, true}; }
constexpr PunctuationMark halfwidth(char32_t c, uint8_t classes, char32_t fullOpen, char32_t fullClose) {
  return {c, classes, kNone, 0, fullOpen, fullClose, false};
}

// Sorted by code point for binary search.
constexpr PunctuationMark kTable[] = {
    halfwidth(U'!', kLatinClose, U'！', U'！'),
    halfwidth(U'"', 0, U'“', U'”'),
    mark(U'%', kLatinClose),
    halfwidth(U'\'', 0, U'‘', U'’'),
    halfwidth(U'(', kLatinOpen, U'（', U'（'),
    halfwidth(U')', kLatinClose, U'）', U'）'),
    halfwidth(U',', kLatinClose, U'，', U'，'),
    halfwidth(U'.', kLatinClose, U'。', U'。'),
    halfwidth(U':', kLatinClose, U'：', U'：'),
    halfwidth(U';', kLatinClose, U'；', U'；'),
    halfwidth(U'?', kLatinClose, U'？', U'？'),
    mark(U'[', kLatinOpen),
    mark(U']', kLatinClose),
    mark(U'{', kLatinOpen),
    mark(U'}', kLatinClose),
    mark(U'\u00B7', kNoLineStart),  // · 间隔号
    mark(U'\u00D7', kFullWidth),    // × placeholder in 公文 (××局)
    mark(U'\u2014', kUnsplittablePair | kNoLineStartWhenSingle | kFullWidth),  // — 破折号 / 一字线
    pair(U'\u2018', kOpen, kSingle, U'\u2019'),                                // ‘
    pair(U'\u2019', kStop, kSingle, U'\u2018'),                                // ’
    pair(U'\u201C', kOpen, kDouble, U'\u201D'),                                // “
    pair(U'\u201D', kStop, kDouble, U'\u201C'),                                // ”
    mark(U'\u2026', kUnsplittablePair | kFullWidth),                           // … 省略号
    mark(U'\u2605', kFullWidth),                                               // ★ in 密级★期限
    point(U'\u3001', kStop),                                                   // 、
    point(U'\u3002', kStop),                                                   // 。
    pair(U'\u3008', kOpen, kInnerBook, U'\u3009'),                             // 〈
    pair(U'\u3009', kStop, kInnerBook, U'\u3008'),                             // 〉
    pair(U'\u300A', kOpen, kBook, U'\u300B'),                                  // 《
    pair(U'\u300B', kStop, kBook, U'\u300A'),                                  // 》
    mark(U'\u300C', kOpen),                                                    // 「
    mark(U'\u300D', kStop),                                                    // 」
    mark(U'\u300E', kOpen),                                                    // 『
    mark(U'\u300F', kStop),                                                    // 』
    pair(U'\u3010', kOpen, kBracket, U'\u3011'),                               // 【
    pair(U'\u3011', kStop, kBracket, U'\u3010'),                               // 】
    pair(U'\u3014', kOpen, kBracket, U'\u3015'),                               // 〔
    pair(U'\u3015', kStop, kBracket, U'\u3014'),                               // 〕
    mark(U'\u3016', kOpen),                                                    // 〖
    mark(U'\u3017', kStop),                                                    // 〗
    mark(U'\u30FB', kNoLineStart | kFullWidth),    // ・ 间隔号 (fullwidth form)
    point(U'\uFF01', kStop | kStackedShareCells),  // ！
    mark(U'\uFF05', kNoLineStart | kFullWidth),    // ％
    pair(U'\uFF08', kOpen, kBracket, U'\uFF09'),   // （
    pair(U'\uFF09', kStop, kBracket, U'\uFF08'),   // ）
    point(U'\uFF0C', kStop),                       // ，
    point(U'\uFF1A', kStop),                       // ：
    point(U'\uFF1B', kStop),                       // ；
    point(U'\uFF1F', kStop | kStackedShareCells),  // ？
    pair(U'\uFF3B', kOpen, kBracket, U'\uFF3D'),   // ［
    pair(U'\uFF3D', kStop, kBracket, U'\uFF3B'),   // ］
    mark(U'\uFF5B', kOpen),                        // ｛
    mark(U'\uFF5D', kStop),                        // ｝
    mark(U'\uFF5E', kNoLineStart | kFullWidth),    // ～ 浪纹线
};

constexpr bool sortedByCodePoint() {
  for (size_t i = 1; i < std::size(kTable); ++i) {
    if (kTable[i - 1].c >= kTable[i].c) return false;
  }
  return true;
}
static_assert(sortedByCodePoint(), "kTable must stay sorted for binary search");

// kTable index + 1 (0: not listed) for the blocks that hold most marks, so that the checker's
// per-character look-ups cost one load; the few marks elsewhere are found by binary search.
struct Pages {
  std::array<uint8_t, 0x80> ascii{};
  std::array<uint8_t, 0x100> cjkSymbols{};  // U+3000–U+30FF
  std::array<uint8_t, 0x100> fullwidth{};   // U+FF00–U+FFFF
};

constexpr Pages buildPages() {
  static_assert(std::size(kTable) < 0xFF, "page slots are one byte");
  Pages pages;
  for (size_t i = 0; i < std::size(kTable); ++i) {
    const char32_t c = kTable[i].c;
    const auto slot = static_cast<uint8_t>(i + 1);
    if (c < 0x80) pages.ascii[c] = slot;
    if (c >= 0x3000 && c < 0x3100) pages.cjkSymbols[c - 0x3000] = slot;
    if (c >= 0xFF00 && c <= 0xFFFF) pages.fullwidth[c - 0xFF00] = slot;
  }
  return pages;
}
constexpr Pages kPages = buildPages();

const PunctuationMark* slotted(uint8_t slot) { return slot == 0 ? nullptr : &kTable[slot - 1]; }

const PunctuationMark* find(char32_t c) {
  if (c < 0x80) return slotted(kPages.ascii[c]);
  if (c >= 0x3000 && c < 0x3100) return slotted(kPages.cjkSymbols[c - 0x3000]);
  if (c >= 0xFF00 && c <= 0xFFFF) return slotted(kPages.fullwidth[c - 0xFF00]);
  if (c >= 0x3100) return nullptr;  // 汉字 and all else outside the blocks above
  const auto* it = std::lower_bound(std::begin(kTable), std::end(kTable), c,
                                    [](const PunctuationMark& m, char32_t v) { return m.c < v; });
  return it != std::end(kTable) && it->c == c ? it : nullptr;
}

bool opens(const PunctuationMark& m) { return (m.classes & kNoLineEnd) != 0; }

}  // namespace

uint8_t punctuationClass(char32_t c) {
  const PunctuationMark* m = find(c);
  return m ? m->classes : 0;
}

const PunctuationMark* pairOpenedBy(char32_t c) {
  const PunctuationMark* m = find(c);
  return m && m->kind != kNone && opens(*m) ? m : nullptr;
}

const PunctuationMark* pairClosedBy(char32_t c) {
  const PunctuationMark* m = find(c);
  return m && m->kind != kNone && !opens(*m) ? find(m->partner) : nullptr;
}

const PunctuationMark* halfwidthMark(char32_t c) {
  if (c > 0x7F) return nullptr;
  const PunctuationMark* m = find(c);
  return m && m->fullOpen != 0 ? m : nullptr;
}

bool isPointMark(char32_t c) {
  const PunctuationMark* m = find(c);
  return m && m->point;
}

}  // namespace gongwen::model
