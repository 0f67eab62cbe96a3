#include "pipeline/check/TextRules.h"

namespace gongwen::check {

std::optional<size_t> checkRunningText(std::u32string_view text, size_t from, Hits& hits) {
  // Most specific first: a 发文字号 or a date claims its brackets and digits before the generic
  // punctuation and number rules look at them.
  checkDocNumbers(text, hits);
  checkDates(text, hits);
  checkNumbers(text, from, hits);
  checkPunctuation(text, from, hits);
  const auto openQuote = checkPairs(text, hits);
  checkRepeatedWords(text, hits);
  return openQuote;
}

}  // namespace gongwen::check
