// docnum.brackets, docnum.year, docnum.di, docnum.leading-zero: every 发文字号 in a text.

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/DocNumberParts.h"
#include "pipeline/check/ElementRules.h"
#include "pipeline/check/TextRules.h"

namespace gongwen::check {

void reportDocNumberParts(std::u32string_view t, const DocNumberParts& p, Hits& hits) {
  if (t[p.open] != U'〔' || t[p.close] != U'〕') {
    std::u32string fix = U"〔";
    fix.append(t.substr(p.yearBegin, p.yearEnd - p.yearBegin));
    fix.push_back(U'〕');
    hits.add("docnum.brackets", p.open, p.close - p.open + 1, fix);
  }
  if (p.yearEnd - p.yearBegin != 4) hits.add("docnum.year", p.yearBegin, p.yearEnd - p.yearBegin);
  if (p.di) hits.add("docnum.di", *p.di, 1, std::u32string());
  size_t zeros = p.numberBegin;
  while (zeros + 1 < p.numberEnd && t[zeros] == U'0') ++zeros;
  if (zeros > p.numberBegin)
    hits.add("docnum.leading-zero", p.numberBegin, zeros - p.numberBegin, std::u32string());
}

void checkDocNumbers(std::u32string_view t, Hits& hits) {
  for (size_t i = 1; i < t.size() && !hits.full(); ++i) {
    if (!isYearBracketOpen(t[i]) || !isHan(t[i - 1])) continue;
    const auto p = parseDocNumber(t, i, true);
    if (!p) continue;
    reportDocNumberParts(t, *p, hits);
    i = p->end - 1;
  }
}

}  // namespace gongwen::check
