#include "pipeline/check/OrdinalRules.h"

#include <array>
#include <string>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/ChineseNumerals.h"

namespace gongwen::check {

namespace {

bool isOrdinalHanzi(char32_t c) { return c == U'十' || (chineseDigitValue(c) >= 1 && c != U'两'); }

// Marks clerks put after an ordinal by mistake.
bool isStrayMark(char32_t c) {
  static const std::u32string_view kMarks = U"、.．，,：:";
  return kMarks.find(c) != std::u32string_view::npos;
}

std::u32string bracketed(std::u32string_view number) {
  std::u32string s = U"（";
  s.append(number);
  s.push_back(U'）');
  return s;
}

std::optional<Ordinal> bracketedOrdinal(std::u32string_view t, size_t b, Hits& hits) {
  size_t i = b + 1;
  const bool hanzi = i < t.size() && isOrdinalHanzi(t[i]);
  while (i < t.size() && i - b <= 3 && (hanzi ? isOrdinalHanzi(t[i]) : isAsciiDigit(t[i]))) ++i;
  if (i == b + 1 || i >= t.size() || (t[i] != U'）' && t[i] != U')')) return std::nullopt;
  const std::u32string_view number = t.substr(b + 1, i - b - 1);
  Ordinal o;
  o.level = hanzi ? 2 : 4;
  if (hanzi) {
    const auto v = parseChineseNumber(number);
    if (!v) return std::nullopt;
    o.value = *v;
  } else {
    o.value = std::stoi(std::string(number.begin(), number.end()));
  }
  o.begin = b;
  o.end = i + 1;
  const bool wrongBrackets = t[b] != U'（' || t[i] != U'）';
  const bool strayMark = o.end < t.size() && isStrayMark(t[o.end]);
  if (strayMark) ++o.end;
  if (wrongBrackets || strayMark) {
    hits.add("ordinal.form", b, o.end - b, bracketed(number),
             strayMark ? "（括号序数后不加标点）" : "（序数应使用全角括号）");
  }
  return o;
}

std::optional<Ordinal> bareOrdinal(std::u32string_view t, size_t b, Hits& hits) {
  size_t i = b;
  const bool hanzi = isOrdinalHanzi(t[b]);
  while (i < t.size() && i - b < 3 && (hanzi ? isOrdinalHanzi(t[i]) : isAsciiDigit(t[i]))) ++i;
  if (i == b || i >= t.size()) return std::nullopt;
  const std::u32string_view number = t.substr(b, i - b);
  Ordinal o;
  o.begin = b;
  o.end = i + 1;
  const char32_t mark = t[i];
  if (hanzi) {
    const auto v = parseChineseNumber(number);
    if (!v) return std::nullopt;
    o.value = *v;
    if (mark == U'、') {
      o.level = 1;
    } else if (mark == U'.' || mark == U'．') {
      o.level = 1;
      hits.add("ordinal.form", b, o.end - b, std::u32string(number) + U"、", "（汉字序数后用顿号）");
    } else if (mark == U'）' || mark == U')') {
      o.level = 2;
      hits.add("ordinal.form", b, o.end - b, bracketed(number), "（应加全角括号）");
    } else {
      return std::nullopt;
    }
    return o;
  }
  if (i - b > 2) return std::nullopt;
  o.value = std::stoi(std::string(number.begin(), number.end()));
  if (mark == U'.') {
    if (i + 1 < t.size() && isAsciiDigit(t[i + 1])) return std::nullopt;  // 1.5亿, 3.2节
    o.level = 3;
  } else if (mark == U'．' || mark == U'。' || mark == U'、') {
    o.level = 3;
    hits.add("ordinal.form", b, o.end - b, std::u32string(number) + U".", "（阿拉伯数字序数后用下脚点“.”）");
  } else if (mark == U'）' || mark == U')') {
    o.level = 4;
    hits.add("ordinal.form", b, o.end - b, bracketed(number), "（应加全角括号）");
  } else {
    return std::nullopt;
  }
  return o;
}

}  // namespace

std::optional<Ordinal> checkOrdinal(std::u32string_view t, Hits& hits) {
  size_t b = 0;
  while (b < t.size() && isInlineSpace(t[b])) ++b;
  if (b + 1 >= t.size()) return std::nullopt;
  if (t[b] == U'（' || t[b] == U'(') return bracketedOrdinal(t, b, hits);
  if (isOrdinalHanzi(t[b]) || isAsciiDigit(t[b])) return bareOrdinal(t, b, hits);
  return std::nullopt;
}

void OrdinalOrder::add(size_t paragraph, const Ordinal& ordinal) { entries_.push_back({paragraph, ordinal}); }

std::vector<OrdinalOrder::Placed> OrdinalOrder::finish() const {
  std::array<bool, 6> used{};
  for (const auto& e : entries_) used[static_cast<size_t>(e.ordinal.level)] = true;
  std::array<int, 6> counter{};
  int depth = 0;
  std::vector<Placed> out;
  for (const auto& e : entries_) {
    const Ordinal& o = e.ordinal;
    const auto span = o.end - o.begin;
    if (o.level > depth + 1 && used[static_cast<size_t>(depth + 1)]) {
      out.push_back({e.paragraph, Hit{"ordinal.level", o.begin, span, std::nullopt, "（缺少上一层次）"}});
    }
    for (int l = o.level + 1; l < 6; ++l) counter[static_cast<size_t>(l)] = 0;
    const int expected = counter[static_cast<size_t>(o.level)] + 1;
    if (o.value != expected) {
      out.push_back({e.paragraph, Hit{"ordinal.sequence", o.begin, span, std::nullopt,
                                      "（此处应为第" + std::to_string(expected) + "项）"}});
    }
    counter[static_cast<size_t>(o.level)] = o.value;
    depth = o.level;
  }
  return out;
}

}  // namespace gongwen::check
