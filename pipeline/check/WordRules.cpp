// structure.repeated-word: the same word typed twice (决定决定). A candidate is two equal runs of
// 2–4 汉字 (not the 转发 title's "的通知的通知"); ICU's dictionary-based word BreakIterator must see both as
// whole words, which keeps 一个一个, 研究室研究 and the like out.

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/TextRules.h"

namespace gongwen::check {

namespace {

icu::BreakIterator* wordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) it.reset();
  }
  return it.get();
}

bool allHan(std::u32string_view t, size_t i, size_t n) {
  for (size_t k = i; k < i + n; ++k) {
    if (!isHan(t[k])) return false;
  }
  return true;
}

// Whether [i, i+n) and [i+n, i+2n) are each whole words in their surroundings.
bool wholeWords(std::u32string_view t, size_t i, size_t n) {
  icu::BreakIterator* words = wordBreaker();
  if (!words) return false;
  constexpr size_t kMargin = 6;
  const size_t from = i > kMargin ? i - kMargin : 0;
  const size_t to = std::min(t.size(), i + 2 * n + kMargin);
  const auto window = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(t.data() + from),
                                                    static_cast<int32_t>(to - from));
  words->setText(window);
  for (size_t at : {i, i + n, i + 2 * n}) {
    const int32_t unit = window.moveIndex32(0, static_cast<int32_t>(at - from));
    if (!words->isBoundary(unit)) return false;
  }
  return true;
}

// "…的通知的通知": a 转发 title names the forwarded document's kind and then its own (条例 第八条's
// 15 kinds), which repeats 的 + kind by design.
bool forwardedKind(std::u32string_view t, size_t i, size_t n) {
  static const std::u32string_view kKinds[] = {U"决议", U"决定", U"命令", U"公报", U"公告",
                                               U"通告", U"意见", U"通知", U"通报", U"报告",
                                               U"请示", U"批复", U"议案", U"函",   U"纪要"};
  if (t[i] != U'的') return false;
  const std::u32string_view kind = t.substr(i + 1, n - 1);
  for (const auto k : kKinds) {
    if (kind == k) return true;
  }
  return false;
}

// Equal runs of 汉字 that could be one word typed twice; the dictionary has the last word.
bool candidateAt(std::u32string_view t, size_t i, size_t n) {
  if (i + 2 * n > t.size() || t[i] == U'一' || forwardedKind(t, i, n)) return false;
  return t.compare(i, n, t.substr(i + n, n)) == 0 && allHan(t, i, n);
}

}  // namespace

void checkRepeatedWords(std::u32string_view t, Hits& hits) {
  // Each dictionary look-up costs microseconds; a text made of nothing but repetitions must not
  // turn the single pass into minutes.
  size_t lookups = 2000;
  for (size_t i = 0; i + 4 <= t.size() && !hits.full() && lookups > 0; ++i) {
    if (!isHan(t[i])) continue;
    for (size_t n = 2; n <= 4 && i + 2 * n <= t.size(); ++n) {
      if (t[i] != t[i + n] || !candidateAt(t, i, n)) continue;
      --lookups;
      if (wholeWords(t, i, n)) {
        hits.add("structure.repeated-word", i + n, n, std::nullopt);
        i += 2 * n - 1;
        break;
      }
    }
  }
}

}  // namespace gongwen::check
