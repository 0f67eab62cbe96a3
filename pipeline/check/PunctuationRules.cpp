// punct.halfwidth, punct.ellipsis, punct.dash, punct.doubled, punct.space.

#include <vector>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/TextRules.h"
#include "pipeline/model/PunctuationTable.h"

namespace gongwen::check {

namespace {

constexpr char32_t kEllipsis = U'\u2026';
const std::u32string kEllipsisPair = U"\u2026\u2026";
const std::u32string kDashPair = U"\u2014\u2014";

char32_t before(std::u32string_view t, size_t i) {
  while (i > 0) {
    --i;
    if (!isInlineSpace(t[i])) return t[i];
  }
  return 0;
}

char32_t after(std::u32string_view t, size_t i) {
  for (++i; i < t.size(); ++i) {
    if (!isInlineSpace(t[i])) return t[i];
  }
  return 0;
}

size_t runLength(std::u32string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && t[j] == t[i]) ++j;
  return j - i;
}

bool chineseAround(std::u32string_view t, size_t i, size_t n) {
  return isCjkContext(before(t, i)) || isCjkContext(after(t, i + n - 1));
}

// Runs of one character that should have been an ellipsis or a dash. Returns the run length
// consumed (0 when the character starts no such run).
size_t checkEllipsisOrDash(std::u32string_view t, size_t i, Hits& hits) {
  const char32_t c = t[i];
  const size_t n = runLength(t, i);
  switch (c) {
    case U'.':
    case U'\uFF0E':  // ．
    case U'\u00B7':  // ·
    case U'\u30FB':  // ・
    case U'\u3002':  // 。
      if (n < 3) return 0;
      if (c == U'.' && !chineseAround(t, i, n)) return n;
      hits.add("punct.ellipsis", i, n, kEllipsisPair);
      return n;
    case kEllipsis:
      if (n % 2 == 0) return n;
      hits.add("punct.ellipsis", i, n, n == 1 ? std::optional<std::u32string>(kEllipsisPair) : std::nullopt);
      return n;
    case U'-':
    case U'\uFF0D':  // －
      if (n < 2) return 0;
      // --help, a--b: options and codes, not a dash
      if (c == U'-' && (!chineseAround(t, i, n) || (i + n < t.size() && isAsciiAlnum(t[i + n])))) return n;
      hits.add("punct.dash", i, n, kDashPair);
      return n;
    case U'\u2015':  // ― (horizontal bar) used for the dash
      if (n != 2) return 0;
      hits.add("punct.dash", i, n, kDashPair);
      return n;
    default:
      return 0;
  }
}

bool thousandsSeparator(std::u32string_view t, size_t i) {
  if (i == 0 || !isAsciiDigit(t[i - 1])) return false;
  for (size_t k = 1; k <= 3; ++k) {
    if (i + k >= t.size() || !isAsciiDigit(t[i + k])) return false;
  }
  return i + 4 >= t.size() || !isAsciiDigit(t[i + 4]);
}

// One of , . : ; ? ! outside a pair. Decides whether it sits in Chinese text.
void checkSimpleMark(std::u32string_view t, size_t i, const model::PunctuationMark& m, Hits& hits) {
  const char32_t prev = i > 0 ? t[i - 1] : 0;
  const char32_t next = i + 1 < t.size() ? t[i + 1] : 0;
  const bool cjkBefore = isCjkContext(before(t, i));
  const bool cjkAfter = isCjkContext(after(t, i));
  bool flag = false;
  switch (m.c) {
    case U',':
      flag = !thousandsSeparator(t, i) && (cjkBefore || cjkAfter);
      break;
    case U'.':  // decimals, domains, file names and abbreviations keep their dot
      flag = cjkBefore && !isAsciiLetter(next) && !(isAsciiDigit(prev) && isAsciiDigit(next));
      break;
    case U':':  // 15:40, 1:500, http:
      flag = (cjkBefore || cjkAfter) && !(isAsciiAlnum(prev) && isAsciiAlnum(next));
      break;
    case U';':
      flag = cjkBefore || cjkAfter;
      break;
    default:  // ? !
      flag = cjkBefore;
      break;
  }
  if (flag) hits.add("punct.halfwidth", i, 1, std::u32string(1, m.fullOpen));
}

// Paired half-width marks ( ) " ': a pair is Chinese when its neighbours or its content are.
class PairedMarks {
 public:
  explicit PairedMarks(std::u32string_view t) : t_(t) {}

  void note(size_t i) {
    const char32_t c = t_[i];
    if (c == U'(') {
      parenOpen_.push_back(i);
    } else if (c == U')') {
      if (parenOpen_.empty()) {
        single_.push_back(i);
      } else {
        pairs_.push_back({parenOpen_.back(), i});
        parenOpen_.pop_back();
      }
    } else if (c == U'"') {
      doubleQuotes_.push_back(i);
    } else if (!(i > 0 && isAsciiLetter(t_[i - 1]) && i + 1 < t_.size() && isAsciiLetter(t_[i + 1]))) {
      singleQuotes_.push_back(i);  // ' that is not an English apostrophe
    }
  }

  void report(Hits& hits) {
    for (size_t o : parenOpen_) single_.push_back(o);
    pairQuotes(doubleQuotes_);
    pairQuotes(singleQuotes_);
    if (!pairs_.empty()) buildHanCounts();
    for (const auto& [o, c] : pairs_) {
      if (isCjkContext(before(t_, o)) || isCjkContext(after(t_, c)) || hanBetween(o, c)) {
        addFix(hits, o, true);
        addFix(hits, c, false);
      }
    }
    for (size_t i : single_) {
      if (isCjkContext(before(t_, i)) || isCjkContext(after(t_, i))) {
        const bool certain = t_[i] == U'(' || t_[i] == U')';
        if (certain) {
          addFix(hits, i, t_[i] == U'(');
        } else {
          hits.add("punct.halfwidth", i, 1);
        }
      }
    }
  }

 private:
  void pairQuotes(const std::vector<size_t>& quotes) {
    for (size_t k = 0; k + 1 < quotes.size(); k += 2) pairs_.push_back({quotes[k], quotes[k + 1]});
    if (quotes.size() % 2 == 1) single_.push_back(quotes.back());
  }

  void buildHanCounts() {
    hanCount_.assign(t_.size() + 1, 0);
    for (size_t i = 0; i < t_.size(); ++i) hanCount_[i + 1] = hanCount_[i] + (isHan(t_[i]) ? 1 : 0);
  }

  bool hanBetween(size_t o, size_t c) const { return hanCount_[c] - hanCount_[o + 1] > 0; }

  void addFix(Hits& hits, size_t i, bool opening) {
    const model::PunctuationMark* m = model::halfwidthMark(t_[i]);
    hits.add("punct.halfwidth", i, 1, std::u32string(1, opening ? m->fullOpen : m->fullClose));
  }

  std::u32string_view t_;
  std::vector<size_t> parenOpen_, single_, doubleQuotes_, singleQuotes_;
  std::vector<std::pair<size_t, size_t>> pairs_;
  std::vector<size_t> hanCount_;
};

void checkDoubled(std::u32string_view t, size_t i, Hits& hits) {
  const char32_t a = t[i];
  const char32_t b = t[i + 1];
  if (!model::isPointMark(a) || !model::isPointMark(b)) return;
  if (model::mayRepeat(a) && model::mayRepeat(b)) return;
  if (a == b) {
    hits.add("punct.doubled", i, 2, std::u32string(1, a));
  } else {
    hits.add("punct.doubled", i, 2);
  }
}

// A run of typed spaces inside the line between Chinese and Chinese, digits or letters.
size_t checkSpaces(std::u32string_view t, size_t i, size_t from, Hits& hits) {
  size_t j = i;
  while (j < t.size() && isInlineSpace(t[j])) ++j;
  if (i == from || i == 0 || j == t.size()) return j - i;
  // A long run or a tab lays out two parts of one line (印发机关 left, 印发日期 right); the rule
  // is about a space typed between two words.
  constexpr size_t kAlignmentRun = 4;
  if (j - i >= kAlignmentRun || t.substr(i, j - i).find(U'\t') != std::u32string_view::npos) return j - i;
  const char32_t a = t[i - 1];
  const char32_t b = t[j];
  const bool cjkA = isCjkContext(a);
  const bool cjkB = isCjkContext(b);
  if ((cjkA && (cjkB || isAsciiAlnum(b))) || (isAsciiAlnum(a) && isHan(b))) {
    hits.add("punct.space", i, j - i, std::u32string());
  }
  return j - i;
}

}  // namespace

void checkPunctuation(std::u32string_view t, size_t from, Hits& hits) {
  PairedMarks paired(t);
  // Leading indentation is layout, not a typed space between words.
  size_t i = from;
  while (i < t.size() && isInlineSpace(t[i])) ++i;
  const size_t textStart = i;
  while (i < t.size() && !hits.full()) {
    const char32_t c = t[i];
    if (isHan(c)) {  // the common case: nothing to check
      ++i;
      continue;
    }
    if (const size_t n = checkEllipsisOrDash(t, i, hits)) {
      i += n;
      continue;
    }
    if (isInlineSpace(c)) {
      i += checkSpaces(t, i, textStart, hits);
      continue;
    }
    if (const model::PunctuationMark* m = model::halfwidthMark(c)) {
      if (c == U'(' || c == U')' || c == U'"' || c == U'\'') {
        paired.note(i);
      } else {
        checkSimpleMark(t, i, *m, hits);
      }
    } else if (i + 1 < t.size()) {
      checkDoubled(t, i, hits);
    }
    ++i;
  }
  paired.report(hits);
}

}  // namespace gongwen::check
