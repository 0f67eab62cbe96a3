// number.fullwidth, number.range, number.range-mark, number.approximate, number.zero.

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/ChineseNumerals.h"
#include "pipeline/check/TextRules.h"

namespace gongwen::check {

namespace {

constexpr char32_t kWave = U'\uFF5E';  // ～

bool isRangeMark(char32_t c) { return c == kWave || c == U'~' || c == U'\u301C'; }
bool isRangeUnit(char32_t c) {
  return c == U'%' || c == U'\uFF05' || c == U'\u2030' || c == U'万' || c == U'亿';
}

std::u32string nfkc(std::u32string_view run) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  const auto src = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(run.data()),
                                                 static_cast<int32_t>(run.size()));
  icu::UnicodeString out = n->normalize(src, status);
  if (U_FAILURE(status)) return std::u32string(run);
  std::u32string result(static_cast<size_t>(out.countChar32()), U'\0');
  UErrorCode st = U_ZERO_ERROR;
  out.toUTF32(reinterpret_cast<UChar32*>(result.data()), static_cast<int32_t>(result.size()), st);
  return result;
}

// End of the number (digits, optionally a decimal part) starting at i.
size_t numberEnd(std::u32string_view t, size_t i) {
  while (i < t.size() && isAsciiDigit(t[i])) ++i;
  if (i + 1 < t.size() && t[i] == U'.' && isAsciiDigit(t[i + 1])) {
    ++i;
    while (i < t.size() && isAsciiDigit(t[i])) ++i;
  }
  return i;
}

// "15～30%": the first number of a range lacks the unit the second one carries.
size_t checkRange(std::u32string_view t, size_t i, Hits& hits) {
  const size_t j = numberEnd(t, i);
  if (j + 1 >= t.size() || !isRangeMark(t[j]) || !isAsciiDigit(t[j + 1])) return j;
  const size_t k = numberEnd(t, j + 1);
  if (k < t.size() && isRangeUnit(t[k])) {
    std::u32string fix(t.substr(i, j - i));
    fix.push_back(t[k]);
    hits.add("number.range", i, j - i, fix);
  }
  return j;
}

void checkRangeMark(std::u32string_view t, size_t i, Hits& hits) {
  if (i == 0 || i + 1 >= t.size() || !isAsciiDigit(t[i + 1])) return;
  size_t p = i - 1;
  if (isRangeUnit(t[p]) && p > 0) --p;
  if (isAsciiDigit(t[p])) hits.add("number.range-mark", i, 1, std::u32string(1, kWave));
}

// Measure words after an approximate number such as 三四个; "一、二年级" is an abbreviation of
// two items and keeps its 顿号 (GB/T 15834-2011).
bool isMeasureAfterApproximate(std::u32string_view t, size_t k) {
  if (k >= t.size()) return false;
  static const std::u32string_view kMeasures =
      U"个天日年次人名位十百千万亿倍岁元米里斤只件家种成遍趟本户所座辆台吨项条";
  if (kMeasures.find(t[k]) == std::u32string_view::npos) return false;
  return !(t[k] == U'年' && k + 1 < t.size() && t[k + 1] == U'级');
}

void checkApproximate(std::u32string_view t, size_t i, size_t from, Hits& hits) {
  if (i < from + 1 || i + 2 >= t.size()) return;
  const int a = chineseDigitValue(t[i - 1]);
  const int b = chineseDigitValue(t[i + 1]);
  if (a < 1 || b != a + 1) return;
  if (i - 1 == from) return;  // 一、 at the start is an ordinal
  if (i >= 2) {
    static const std::u32string_view kListing = U"第期周初拜、";
    if (kListing.find(t[i - 2]) != std::u32string_view::npos) return;
  }
  if (isMeasureAfterApproximate(t, i + 2)) hits.add("number.approximate", i, 1, std::u32string());
}

bool isYearDigitLookalike(char32_t c) {
  return c == U'零' || c == U'O' || c == U'o' || c == U'0' || c == U'\uFF2F' || c == U'\u25CB';
}

// 二零二六年 / 二O二六年: years written in 汉字 take 〇.
size_t checkChineseYear(std::u32string_view t, size_t i, Hits& hits) {
  size_t j = i;
  int chinese = 0;
  bool lookalike = false;
  while (j < t.size() && j - i < 5) {
    if (isYearDigitLookalike(t[j])) {
      lookalike = true;
    } else if (chineseDigitValue(t[j]) >= 0) {
      ++chinese;
    } else {
      break;
    }
    ++j;
  }
  if (j - i == 4 && j < t.size() && t[j] == U'年' && chinese >= 2 && lookalike) {
    std::u32string fix(t.substr(i, 4));
    for (auto& c : fix) {
      if (isYearDigitLookalike(c)) c = U'〇';
    }
    hits.add("number.zero", i, 4, fix);
  }
  return j > i ? j - i : 1;
}

// 三千〇五十: in a count the zero is 零.
void checkCountingZero(std::u32string_view t, size_t i, Hits& hits) {
  static const std::u32string_view kPlaces = U"十百千万亿";
  if (i == 0 || i + 1 >= t.size()) return;
  if (kPlaces.find(t[i - 1]) == std::u32string_view::npos) return;
  if (chineseDigitValue(t[i + 1]) >= 1) hits.add("number.zero", i, 1, std::u32string(1, U'零'));
}

}  // namespace

void checkNumbers(std::u32string_view t, size_t from, Hits& hits) {
  size_t textStart = from;
  while (textStart < t.size() && isInlineSpace(t[textStart])) ++textStart;
  for (size_t i = from; i < t.size() && !hits.full();) {
    const char32_t c = t[i];
    if (c >= 0x4E00 && c <= 0x9FFF) {
      if (chineseDigitValue(c) >= 1 && (i == 0 || chineseDigitValue(t[i - 1]) < 0)) {
        i += checkChineseYear(t, i, hits);
        continue;
      }
      ++i;
      continue;
    }
    if (isAsciiDigit(c) && (i == 0 || (!isAsciiDigit(t[i - 1]) && t[i - 1] != U'.'))) {
      i = checkRange(t, i, hits);
      continue;
    }
    if (c == U'~' || c == U'\u301C') {
      checkRangeMark(t, i, hits);
    } else if (c == U'\u3001') {
      checkApproximate(t, i, textStart, hits);
    } else if (c == U'〇') {
      checkCountingZero(t, i, hits);
    } else if (isFullwidthAlnum(c)) {
      size_t j = i;
      while (j < t.size() && isFullwidthAlnum(t[j])) ++j;
      hits.add("number.fullwidth", i, j - i, nfkc(t.substr(i, j - i)));
      i = j;
      continue;
    }
    ++i;
  }
}

}  // namespace gongwen::check
