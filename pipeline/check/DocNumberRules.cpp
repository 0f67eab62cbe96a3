// docnum.brackets, docnum.year, docnum.di, docnum.leading-zero, docnum.code-typo: every 发文字号
// in a text.

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/DocNumberParts.h"
#include "pipeline/check/ElementRules.h"
#include "pipeline/check/TextRules.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {

namespace {

// 发 typed as a character of the same sound (法, 废, 伐 …) after 办: "X办法〔2014〕27号". 法 ends
// real codes elsewhere (京高法, 政法, 法〔2014〕), so only 办 + a look-alike is certain.
bool isCodeTypo(std::u32string_view t, size_t at) {
  static const std::u32string_view kLookalikes = U"法废伐罚乏阀";
  return at >= 2 && t[at - 2] == U'办' && kLookalikes.find(t[at - 1]) != std::u32string_view::npos;
}

}  // namespace

void reportDocNumberParts(std::u32string_view t, const DocNumberParts& p, Hits& hits) {
  if (!p.standardYear) {
    std::u32string fix = U"〔";
    fix.append(t.substr(p.yearBegin, p.yearEnd - p.yearBegin));
    fix.push_back(U'〕');
    // "印发2026年1号文件" may name a year's 1号文件 rather than a 发文字号: the clerk decides.
    const bool certain = p.bracketed || t[p.yearEnd] != U'年';
    hits.add("docnum.brackets", p.yearPartBegin, p.yearPartEnd - p.yearPartBegin,
             certain ? std::optional<std::u32string>(fix) : std::nullopt,
             certain ? std::string() : "（如为发文字号，应写作“" + toUtf8(fix) + "”）");
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
    const bool digit = isAsciiDigit(t[i]);
    if (!digit && !isYearBracketOpen(t[i])) continue;
    const bool typo = isCodeTypo(t, i);
    const bool bracket = !digit && isHan(t[i - 1]);
    const bool bare = digit && (endsAgencyCode(t[i - 1]) || typo);
    if (!bracket && !bare) continue;
    const auto p = parseDocNumber(t, i, true);
    if (!p) continue;
    if (typo) hits.add("docnum.code-typo", i - 1, 1, std::u32string(1, U'发'));
    reportDocNumberParts(t, *p, hits);
    i = p->end - 1;
  }
}

}  // namespace gongwen::check
