#include "pipeline/check/OrdinalRules.h"

#include <array>
#include <string>
#include <vector>

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

// Marks typed after an Arabic ordinal instead of its 下脚点 “.”.
bool isMarkAfterArabic(char32_t c) {
  static const std::u32string_view kMarks = U"．。、，,";
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
  // 1、2、3项, 1,000, 三、四个月: numbers in a list or a count, not an ordinal.
  if (mark != U'.' && i + 1 < t.size() && (isAsciiDigit(t[i + 1]) || isOrdinalHanzi(t[i + 1]))) {
    return std::nullopt;
  }
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
  } else if (isMarkAfterArabic(mark)) {
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

std::optional<Ordinal> ordinalAt(std::u32string_view t, size_t b, Hits& hits) {
  if (b + 1 >= t.size()) return std::nullopt;
  if (t[b] == U'（' || t[b] == U'(') return bracketedOrdinal(t, b, hits);
  if (isOrdinalHanzi(t[b]) || isAsciiDigit(t[b])) return bareOrdinal(t, b, hits);
  return std::nullopt;
}

bool isSentenceEnd(char32_t c) {
  static const std::u32string_view kMarks = U"。！？；：.!?;:";
  return kMarks.find(c) != std::u32string_view::npos;
}

// Where a paragraph run into the one before would have started: after a sentence's end, or after
// a closing quote or bracket that follows one (…。”五、…). A half-width mark ends a sentence only
// after a non-digit (3.5, 15:40). Returns the colon or other mark, or 0 when `i` starts none.
char32_t sentenceEndBefore(std::u32string_view t, size_t i) {
  while (i > 0 && isInlineSpace(t[i - 1])) --i;
  if (i > 1 && std::u32string_view(U"”’）)》").find(t[i - 1]) != std::u32string_view::npos &&
      isSentenceEnd(t[i - 2])) {
    --i;
  }
  if (i == 0 || !isSentenceEnd(t[i - 1])) return 0;
  if (t[i - 1] < 0x80 && (i < 2 || isAsciiDigit(t[i - 2]))) return 0;
  return t[i - 1];
}

// Characters after which "（1）" is a reference, not an ordinal: 第（1）项, 公式（1）, 附表（2）.
bool refersToNumbered(char32_t c) {
  static const std::u32string_view kNouns = U"第条款项表图式件号页章节段栏";
  return kNouns.find(c) != std::u32string_view::npos;
}

}  // namespace

std::optional<Ordinal> checkOrdinal(std::u32string_view t, Hits& hits) {
  size_t b = 0;
  while (b < t.size() && isInlineSpace(t[b])) ++b;
  return ordinalAt(t, b, hits);
}

std::vector<Ordinal> checkInlineOrdinals(std::u32string_view t, size_t from, bool afterOrdinal, Hits& hits) {
  std::vector<Ordinal> found;
  for (size_t i = from > 0 ? from : 1; i + 1 < t.size() && !hits.full(); ++i) {
    const char32_t c = t[i];
    const bool bracket = c == U'（' || c == U'(';
    // Inside a word or a number (the common case) no ordinal starts.
    if (!bracket && (isHan(t[i - 1]) || isAsciiAlnum(t[i - 1]))) continue;
    if (!bracket && !isAsciiDigit(c) && !isOrdinalHanzi(c)) continue;
    if (isAsciiDigit(t[i - 1]) || isOrdinalHanzi(t[i - 1])) continue;
    const char32_t end = sentenceEndBefore(t, i);
    // A bracketed ordinal right after heading text, once the paragraph has shown that ordinals
    // stand in it: "…局务会制度(1)局务会由…".
    const bool runIn =
        bracket && (afterOrdinal || !found.empty()) && isHan(t[i - 1]) && !refersToNumbered(t[i - 1]);
    if (end == 0 && !runIn) continue;
    Hits local;
    const auto o = ordinalAt(t, i, local);
    if (!o) continue;
    // "合计：5。" and "得分：3，" are values after a colon.
    const char32_t mark = t[o->end - 1];
    const bool colon = end == U'：' || end == U':';
    if (colon && (mark == U'。' || mark == U'，' || mark == U',')) continue;
    // Heading or item text follows an ordinal.
    size_t next = o->end;
    while (next < t.size() && isInlineSpace(t[next])) ++next;
    if (next == t.size()) continue;
    if (!isHan(t[next]) &&
        (runIn || std::u32string_view(U"（“《").find(t[next]) == std::u32string_view::npos)) {
      continue;
    }
    for (const auto& h : local.items()) hits.add(h.rule, h.offset, h.length, h.fix, h.detail);
    found.push_back(*o);
    i = o->end - 1;
  }
  return found;
}

void OrdinalOrder::add(size_t paragraph, const Ordinal& ordinal) { entries_.push_back({paragraph, ordinal}); }

void OrdinalOrder::restart() { sectionStarts_.push_back(entries_.size()); }

std::vector<OrdinalOrder::Placed> OrdinalOrder::finish() const {
  std::vector<Placed> out;
  size_t begin = 0;
  size_t nextStart = 0;
  int lastTop = 0;  // the last 一、 of the section
  for (size_t i = 0; i < entries_.size(); ++i) {
    while (nextStart < sectionStarts_.size() && sectionStarts_[nextStart] < i) ++nextStart;
    const Ordinal& o = entries_[i].ordinal;
    // A title followed by a first item, or 一、 after a run of 一、二、…, begins a new section; a
    // title-like line amid a list does not, and 一、 right after 一、 is a repeat.
    const bool titled = nextStart < sectionStarts_.size() && sectionStarts_[nextStart] == i && o.value == 1;
    if (titled || (o.level == 1 && o.value == 1 && lastTop >= 2)) {
      judgeSection(begin, i, out);
      begin = i;
      lastTop = 0;
    }
    if (o.level == 1) lastTop = o.value;
  }
  judgeSection(begin, entries_.size(), out);
  return out;
}

void OrdinalOrder::judgeSection(size_t begin, size_t end, std::vector<Placed>& out) const {
  std::array<bool, 6> used{};
  for (size_t i = begin; i < end; ++i) used[static_cast<size_t>(entries_[i].ordinal.level)] = true;
  std::array<int, 6> counter{};
  int depth = 0;
  for (size_t i = begin; i < end; ++i) {
    const Entry& e = entries_[i];
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
}

}  // namespace gongwen::check
