// date.leading-zero and date.invalid for every Arabic-numeral date in running text.

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/DateParts.h"
#include "pipeline/check/TextRules.h"

namespace gongwen::check {

namespace {

void checkLeadingZero(std::u32string_view t, size_t begin, size_t end, Hits& hits) {
  if (end - begin == 2 && t[begin] == U'0')
    hits.add("date.leading-zero", begin, 2, std::u32string(1, t[begin + 1]));
}

}  // namespace

void checkDates(std::u32string_view t, Hits& hits) {
  for (size_t i = 0; i + 7 <= t.size() && !hits.full(); ++i) {
    if (t[i + 4] != U'年' || !isAsciiDigit(t[i]) || (i > 0 && isAsciiDigit(t[i - 1]))) continue;
    const auto d = parseArabicDate(t, i);
    if (!d) continue;
    const int day = d->dayEnd > d->dayBegin ? d->day : 1;
    if (!isCalendarDate(d->year, d->month, day)) {
      hits.add("date.invalid", d->begin, d->end - d->begin);
    } else {
      checkLeadingZero(t, d->monthBegin, d->monthEnd, hits);
      checkLeadingZero(t, d->dayBegin, d->dayEnd, hits);
    }
    i = d->end - 1;
  }
}

}  // namespace gongwen::check
