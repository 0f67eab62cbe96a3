#include "pipeline/check/CharClasses.h"

#include <stdexcept>

namespace gongwen::check {

namespace {
icu::UnicodeSet frozenSet(const char* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
  if (U_FAILURE(status)) throw std::logic_error(std::string("bad UnicodeSet pattern ") + pattern);
  set.freeze();
  return set;
}
}  // namespace

const CharClasses& charClasses() {
  static const CharClasses classes{
      frozenSet("[[:Han:]\\u3007]"),
      // Full-width marks of GB/T 15834 (。，、；：？！“”‘’（）〔〕【】《》〈〉……——～·) and the CJK
      // symbol and full-width blocks.
      frozenSet("[[:Han:]\\u3001-\\u3003\\u3007-\\u3011\\u3014-\\u301B\\uFF01-\\uFF60"
                "\\u2018\\u2019\\u201C\\u201D\\u2026\\u2014]"),
      frozenSet("[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]"),
  };
  return classes;
}

}  // namespace gongwen::check
