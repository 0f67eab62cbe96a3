#include "pipeline/layout/BreakOpportunities.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>
#include <string>

#include "pipeline/core/Error.h"
#include "pipeline/layout/HanWords.h"
#include "pipeline/layout/PunctuationTable.h"

namespace gongwen::layout {
namespace {

using IteratorFactory = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

// Building a break iterator loads ICU's rules and dictionaries (~100 µs): each thread clones a
// prototype made once per process, and reuses its clone for every paragraph it breaks.
std::unique_ptr<icu::BreakIterator> makePrototype(IteratorFactory factory, const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(factory(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !it) {
    throw systemError("layout.icu", std::string("cannot create ICU ") + what +
                                        " break iterator: " + u_errorName(status) +
                                        "; check the ICU data package (libicu) is installed");
  }
  return it;
}

icu::BreakIterator& lineIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype =
      makePrototype(&icu::BreakIterator::createLineInstance, "line");
  thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

icu::BreakIterator& wordIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype =
      makePrototype(&icu::BreakIterator::createWordInstance, "word");
  thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

// Runs `it` over `text` and sets `flag` at every boundary, in code point positions.
void markBoundaries(icu::BreakIterator& it, std::u32string_view text, uint8_t flag,
                    std::vector<uint8_t>& out) {
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  // The iterator keeps a reference to `utf16` but is not used again before the next setText.
  it.setText(utf16);
  size_t codePoint = 0;
  int32_t unit = 0;
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) {
    while (unit < b && codePoint < text.size()) {
      unit += U16_LENGTH(static_cast<UChar32>(text[codePoint]));
      ++codePoint;
    }
    out[codePoint] |= flag;
  }
}

// ICU's word rules break before and after a run of Han (unless an extending mark follows it) and
// leave the inside to its CJK dictionary engine. So ICU's rules run over the text with each Han
// character masked as a plain symbol, which keeps the engine unbuilt, and the runs are segmented
// by HanWords. False, with `out` half-marked, where only ICU itself gives the same answer: text
// with kana, Hangul or Thai, an extending mark after Han, or Han not in NFKC; or no Han at all.
bool markWordBoundariesWithHanMasked(std::u32string_view text, std::vector<uint8_t>& out) {
  constexpr char32_t kMask = U'\u3013';  // 〓: Word_Break=Other, like Han, but no dictionary
  std::u32string masked(text);
  bool anyHan = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (takesOtherDictionary(text[i])) return false;
    if (!isHanScript(text[i])) continue;
    if (i + 1 < text.size() && !isHanScript(text[i + 1])) {
      const auto wordBreak = u_getIntPropertyValue(static_cast<UChar32>(text[i + 1]), UCHAR_WORD_BREAK);
      if (wordBreak == U_WB_EXTEND || wordBreak == U_WB_FORMAT || wordBreak == U_WB_ZWJ) return false;
    }
    masked[i] = kMask;
    anyHan = true;
  }
  if (!anyHan) return false;
  markBoundaries(wordIterator(), masked, 1, out);
  for (size_t start = 0; start < text.size();) {
    if (!isHanScript(text[start])) {
      ++start;
      continue;
    }
    size_t end = start + 1;
    while (end < text.size() && isHanScript(text[end])) ++end;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(start) + 1,
              out.begin() + static_cast<std::ptrdiff_t>(end), 0);
    if (!markHanWordBreaks(text.substr(start, end - start), 1, out.data() + start)) return false;
    start = end;
  }
  return true;
}

}  // namespace

bool punctuationAllowsBreak(std::u32string_view text, size_t i) {
  const char32_t before = text[i - 1];
  const char32_t after = text[i];
  if (hasClass(after, kNoLineStart) || hasClass(before, kNoLineEnd)) return false;
  if (before == after && hasClass(after, kUnsplittablePair)) return false;
  // A lone — is the 一字线 (ranges such as 北京—上海), which may not start a line; the doubled
  // —— is the 破折号, which may.
  const bool loneDash =
      hasClass(after, kNoLineStartWhenSingle) && (i + 1 >= text.size() || text[i + 1] != after);
  return !loneDash;
}

std::vector<uint8_t> lineBreakOpportunities(std::u32string_view text) {
  std::vector<uint8_t> out(text.size() + 1, 0);
  if (text.empty()) return out;
  markBoundaries(lineIterator(), text, kBreakPreferred, out);
  for (size_t i = 1; i < text.size(); ++i) {
    out[i] = punctuationAllowsBreak(text, i) ? (out[i] & kBreakPreferred) | kBreakRulesAllow : 0;
  }
  out[0] = 0;
  out[text.size()] = 0;
  return out;
}

std::vector<uint8_t> nameListBreakOpportunities(std::u32string_view text) {
  std::vector<uint8_t> out = lineBreakOpportunities(text);
  const std::vector<uint8_t> words = wordBoundaries(text);
  for (size_t i = 1; i < text.size(); ++i) {
    const bool nameStart = std::u32string_view(U"、，,；;").find(text[i - 1]) != std::u32string_view::npos;
    if (nameStart) continue;
    out[i] = (out[i] & kBreakPreferred) && words[i] ? kBreakRulesAllow : 0;
  }
  return out;
}

std::vector<uint8_t> wordBoundaries(std::u32string_view text) {
  std::vector<uint8_t> out(text.size() + 1, 0);
  if (text.empty()) return out;
  if (!markWordBoundariesWithHanMasked(text, out)) {
    std::fill(out.begin(), out.end(), 0);
    markBoundaries(wordIterator(), text, 1, out);
  }
  return out;
}

}  // namespace gongwen::layout
