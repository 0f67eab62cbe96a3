#include "pipeline/layout/PunctuationTable.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

namespace gongwen::layout {
namespace {

struct Entry {
  char32_t c;
  uint8_t classes;
};

constexpr uint8_t kStop = kNoLineStart | kFullWidth | kCompressibleAtLineEnd;
constexpr uint8_t kOpen = kNoLineEnd | kFullWidth;
constexpr uint8_t kLatinClose = kNoLineStart;
constexpr uint8_t kLatinOpen = kNoLineEnd;

// Sorted by code point for binary search.
constexpr Entry kTable[] = {
    {U'!', kLatinClose},
    {U'%', kLatinClose},
    {U'(', kLatinOpen},
    {U')', kLatinClose},
    {U',', kLatinClose},
    {U'.', kLatinClose},
    {U':', kLatinClose},
    {U';', kLatinClose},
    {U'?', kLatinClose},
    {U'[', kLatinOpen},
    {U']', kLatinClose},
    {U'{', kLatinOpen},
    {U'}', kLatinClose},
    {U'\u00B7', kNoLineStart},  // · 间隔号
    {U'\u00D7', kFullWidth},    // × placeholder in 公文 (××局)
    {U'\u2014', kUnsplittablePair | kNoLineStartWhenSingle | kFullWidth},  // — 破折号 / 一字线
    {U'\u2018', kOpen},                                                    // ‘
    {U'\u2019', kStop},                                                    // ’
    {U'\u201C', kOpen},                                                    // “
    {U'\u201D', kStop},                                                    // ”
    {U'\u2026', kUnsplittablePair | kFullWidth},                           // … 省略号
    {U'\u2605', kFullWidth},                                               // ★ in 密级★期限
    {U'\u3001', kStop},                                                    // 、
    {U'\u3002', kStop},                                                    // 。
    {U'\u3008', kOpen},                                                    // 〈
    {U'\u3009', kStop},                                                    // 〉
    {U'\u300A', kOpen},                                                    // 《
    {U'\u300B', kStop},                                                    // 》
    {U'\u300C', kOpen},                                                    // 「
    {U'\u300D', kStop},                                                    // 」
    {U'\u300E', kOpen},                                                    // 『
    {U'\u300F', kStop},                                                    // 』
    {U'\u3010', kOpen},                                                    // 【
    {U'\u3011', kStop},                                                    // 】
    {U'\u3014', kOpen},                                                    // 〔
    {U'\u3015', kStop},                                                    // 〕
    {U'\u3016', kOpen},                                                    // 〖
    {U'\u3017', kStop},                                                    // 〗
    {U'\u30FB', kNoLineStart | kFullWidth},                                // ・ 间隔号 (fullwidth form)
    {U'\uFF01', kStop | kStackedShareCells},                               // ！
    {U'\uFF05', kNoLineStart | kFullWidth},                                // ％
    {U'\uFF08', kOpen},                                                    // （
    {U'\uFF09', kStop},                                                    // ）
    {U'\uFF0C', kStop},                                                    // ，
    {U'\uFF1A', kStop},                                                    // ：
    {U'\uFF1B', kStop},                                                    // ；
    {U'\uFF1F', kStop | kStackedShareCells},                               // ？
    {U'\uFF3B', kOpen},                                                    // ［
    {U'\uFF3D', kStop},                                                    // ］
    {U'\uFF5B', kOpen},                                                    // ｛
    {U'\uFF5D', kStop},                                                    // ｝
    {U'\uFF5E', kNoLineStart | kFullWidth},                                // ～ 浪纹线
};

}  // namespace

uint8_t punctuationClass(char32_t c) {
  const auto* it = std::lower_bound(std::begin(kTable), std::end(kTable), c,
                                    [](const Entry& e, char32_t v) { return e.c < v; });
  return it != std::end(kTable) && it->c == c ? it->classes : 0;
}

bool isFullWidth(char32_t c) {
  if (c < 0x1100) return (punctuationClass(c) & kFullWidth) != 0;
  if (punctuationClass(c) & kFullWidth) return true;
  const int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

}  // namespace gongwen::layout
