#include "pipeline/check/PunctuationTable.h"

#include <array>

namespace gongwen::check {

namespace {

constexpr std::array<MarkPair, 8> kPairs{{
    {U'\u201C', U'\u201D', PairKind::DoubleQuote},     // “ ”
    {U'\u2018', U'\u2019', PairKind::SingleQuote},     // ‘ ’
    {U'\uFF08', U'\uFF09', PairKind::Bracket},         // （ ）
    {U'\u3014', U'\u3015', PairKind::Bracket},         // 〔 〕
    {U'\u3010', U'\u3011', PairKind::Bracket},         // 【 】
    {U'\uFF3B', U'\uFF3D', PairKind::Bracket},         // ［ ］
    {U'\u300A', U'\u300B', PairKind::BookTitle},       // 《 》
    {U'\u3008', U'\u3009', PairKind::InnerBookTitle},  // 〈 〉
}};

constexpr std::array<HalfwidthMark, 10> kHalfwidth{{
    {U',', U'\uFF0C', U'\uFF0C'},   // ，
    {U'.', U'\u3002', U'\u3002'},   // 。
    {U':', U'\uFF1A', U'\uFF1A'},   // ：
    {U';', U'\uFF1B', U'\uFF1B'},   // ；
    {U'?', U'\uFF1F', U'\uFF1F'},   // ？
    {U'!', U'\uFF01', U'\uFF01'},   // ！
    {U'(', U'\uFF08', U'\uFF08'},   // （
    {U')', U'\uFF09', U'\uFF09'},   // ）
    {U'"', U'\u201C', U'\u201D'},   // “ ”
    {U'\'', U'\u2018', U'\u2019'},  // ‘ ’
}};

constexpr std::array<char32_t, 7> kPointMarks{U'\u3002', U'\uFF1F', U'\uFF01', U'\uFF0C',
                                              U'\u3001', U'\uFF1B', U'\uFF1A'};

}  // namespace

const MarkPair* pairOpenedBy(char32_t c) {
  for (const auto& p : kPairs) {
    if (p.open == c) return &p;
  }
  return nullptr;
}

const MarkPair* pairClosedBy(char32_t c) {
  for (const auto& p : kPairs) {
    if (p.close == c) return &p;
  }
  return nullptr;
}

const HalfwidthMark* halfwidthMark(char32_t c) {
  if (c > 0x7F) return nullptr;
  for (const auto& m : kHalfwidth) {
    if (m.ascii == c) return &m;
  }
  return nullptr;
}

bool isPointMark(char32_t c) {
  for (char32_t p : kPointMarks) {
    if (p == c) return true;
  }
  return false;
}

bool mayRepeat(char32_t c) { return c == U'\uFF1F' || c == U'\uFF01'; }

}  // namespace gongwen::check
