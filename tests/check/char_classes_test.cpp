// The character classes are range tests and ICU's script lookup instead of UnicodeSets built from
// patterns at start-up: they must answer exactly as the patterns did, for every code point from
// where the rules ask (Kangxi radicals and the like below U+3000 never counted as Han).

#include <gtest/gtest.h>
#include <unicode/uniset.h>

#include "pipeline/check/CharClasses.h"

using namespace gongwen;

namespace {

icu::UnicodeSet setOf(const char* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
  EXPECT_TRUE(U_SUCCESS(status)) << pattern;
  return set;
}

template <typename Predicate>
void expectSameAs(const char* pattern, char32_t from, Predicate predicate) {
  const icu::UnicodeSet set = setOf(pattern);
  int differences = 0;
  for (char32_t c = 0; c <= 0x10FFFF && differences < 5; ++c) {
    if ((c >= from && set.contains(static_cast<UChar32>(c))) != predicate(c)) {
      ADD_FAILURE() << pattern << " and the class differ at U+" << std::hex << static_cast<uint32_t>(c);
      ++differences;
    }
  }
}

}  // namespace

TEST(CharClasses, HanIsTheHanScriptAndTheIdeographicZero) {
  expectSameAs("[[:Han:]\\u3007]", 0x3000, check::isHan);
}

TEST(CharClasses, ChineseContextIsHanAndTheFullWidthMarks) {
  expectSameAs(
      "[[:Han:]\\u3001-\\u3003\\u3007-\\u3011\\u3014-\\u301B\\uFF01-\\uFF60"
      "\\u2018\\u2019\\u201C\\u201D\\u2026\\u2014]",
      0x2000, check::isCjkContext);
}

TEST(CharClasses, FullWidthAlphanumerics) {
  expectSameAs("[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]", 0, check::isFullwidthAlnum);
}
