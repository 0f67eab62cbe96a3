#include "pipeline/check/ElementRules.h"

#include <algorithm>
#include <string>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/ChineseNumerals.h"
#include "pipeline/check/DateParts.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {

namespace {

size_t lastNonSpace(std::u32string_view t) {
  size_t n = t.size();
  while (n > 0 && isInlineSpace(t[n - 1])) --n;
  return n;
}

bool isEndPunctuation(char32_t c) {
  static const std::u32string_view kMarks = U"。，、；：？！.,;:?!";
  return kMarks.find(c) != std::u32string_view::npos;
}

// The element must end with `mark`: a wrong final mark is replaced, a missing one added.
void requireFinalMark(std::u32string_view t, char32_t mark, std::u32string_view halfwidth,
                      std::string_view rule, Hits& hits) {
  const size_t n = lastNonSpace(t);
  if (n == 0 || t[n - 1] == mark || t[n - 1] == halfwidth[0]) return;  // half-width: punct.halfwidth
  if (isEndPunctuation(t[n - 1])) {
    hits.add(rule, n - 1, 1, std::u32string(1, mark));
  } else {
    hits.add(rule, n, 0, std::u32string(1, mark));
  }
}

struct ClassificationMax {
  std::u32string_view level;
  int years;
};
constexpr ClassificationMax kLevels[] = {{U"绝密", 30}, {U"机密", 20}, {U"秘密", 10}};

const ClassificationMax* classificationLevel(std::u32string_view level) {
  for (const auto& l : kLevels) {
    if (l.level == level) return &l;
  }
  return nullptr;
}

}  // namespace

void checkDocNumberElement(std::u32string_view t, Hits& hits) {
  // The year part starts at the first bracket or digit after the 机关代字.
  size_t at = 0;
  while (at < t.size() && !isYearBracketOpen(t[at]) && !isAsciiDigit(t[at])) ++at;
  const auto p = at > 0 && at < t.size() ? parseDocNumber(t, at, false) : std::nullopt;
  if (!p) {
    hits.add("docnum.form", 0, t.size());
    return;
  }
  reportDocNumberParts(t, *p, hits);
  if (!p->hao && p->end == t.size()) {
    std::u32string fix(t.substr(p->numberBegin, p->numberEnd - p->numberBegin));
    fix.push_back(U'号');
    hits.add("docnum.form", p->numberBegin, p->numberEnd - p->numberBegin, fix);
  } else if (p->end != t.size()) {
    hits.add("docnum.form", p->end, t.size() - p->end);
  }
}

void checkDateElement(std::u32string_view t, Hits& hits) {
  if (const auto d = parseArabicDate(t, 0); d && d->end == t.size() && d->dayEnd > d->dayBegin) {
    return;  // leading zeros and impossible dates: the running-text date rules
  }
  if (const auto d = parseChineseDate(t)) {
    if (!isCalendarDate(d->year, d->month, d->day)) {
      hits.add("date.invalid", 0, t.size());
      return;
    }
    const std::string arabic =
        std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) + "日";
    hits.add("date.chinese-numerals", 0, t.size(), toUtf32(arabic, "date"));
    return;
  }
  hits.add("date.form", 0, t.size());
}

void checkMainRecipients(std::u32string_view t, Hits& hits) {
  requireFinalMark(t, U'：', U":", "structure.main-recipient-colon", hits);
}

void checkCopiesTo(std::u32string_view t, Hits& hits) {
  requireFinalMark(t, U'。', U".", "structure.copies-to-period", hits);
}

void checkAttachmentName(std::u32string_view t, Hits& hits) {
  const size_t n = lastNonSpace(t);
  if (n > 0 && isEndPunctuation(t[n - 1])) hits.add("structure.attachment-punct", n - 1, 1, std::u32string());
}

void checkNote(std::u32string_view t, Hits& hits) {
  const size_t n = lastNonSpace(t);
  if (n == 0) return;
  const bool opened = t[0] == U'（' || t[0] == U'(';
  const bool closed = t[n - 1] == U'）' || t[n - 1] == U')';
  if (opened && closed) return;  // half-width brackets: punct.halfwidth
  std::u32string fix = U"（";
  fix.append(t.substr(opened ? 1 : 0, n - (opened ? 1 : 0) - (closed ? 1 : 0)));
  fix.push_back(U'）');
  hits.add("structure.note-brackets", 0, n, fix);
}

void checkHeadingEnd(std::u32string_view t, Hits& hits) {
  const size_t n = lastNonSpace(t);
  if (n > 0 && (t[n - 1] == U'。' || t[n - 1] == U'.')) {
    hits.add("structure.heading-period", n - 1, 1, std::u32string());
  }
}

void checkClassificationLevel(std::u32string_view level, Hits& hits) {
  if (!classificationLevel(level)) hits.add("policy.classification-level", 0, level.size());
}

void checkClassificationPeriod(std::u32string_view level, std::u32string_view period, Hits& hits) {
  if (period.empty()) return;
  size_t i = 0;
  int value = 0;
  while (i < period.size() && isAsciiDigit(period[i]) && i < 4)
    value = value * 10 + static_cast<int>(period[i++] - U'0');
  const std::u32string_view unit = period.substr(i);
  const bool months = unit == U"个月";
  if (i == 0 || period[0] == U'0' || (unit != U"年" && !months)) {
    hits.add("policy.classification-period", 0, period.size(), std::nullopt, "（应写作“1年”“6个月”）");
    return;
  }
  const ClassificationMax* max = classificationLevel(level);
  if (max && (months ? (value + 11) / 12 : value) > max->years) {
    hits.add("policy.classification-period", 0, period.size(), std::nullopt,
             "（" + toUtf8(max->level) + "最长" + std::to_string(max->years) + "年）");
  }
}

void checkClassificationLine(std::u32string_view t, Hits& hits) {
  const size_t n = lastNonSpace(t);
  if (n < 2) return;
  const std::u32string_view level = t.substr(0, 2);
  if (n == 2) return;
  const char32_t mark = t[2];
  size_t periodStart = 3;
  if (mark != U'★') {
    static const std::u32string_view kLookalikes = U"*＊☆✩✭✮⭐";
    if (isAsciiDigit(mark)) {
      hits.add("policy.classification-mark", 2, 0, std::u32string(1, U'★'));
      periodStart = 2;
    } else if (kLookalikes.find(mark) != std::u32string_view::npos) {
      hits.add("policy.classification-mark", 2, 1, std::u32string(1, U'★'));
    } else {
      hits.add("policy.classification-mark", 2, 1);
      return;
    }
  }
  Hits period;
  checkClassificationPeriod(level, t.substr(periodStart, n - periodStart), period);
  for (const auto& h : period.items()) hits.add(h.rule, h.offset + periodStart, h.length, h.fix, h.detail);
}

void checkCopyNumber(std::u32string_view t, Hits& hits) {
  if (t.size() == 6 && std::all_of(t.begin(), t.end(), isAsciiDigit)) return;
  if (!t.empty() && t.size() < 6 && std::all_of(t.begin(), t.end(), isAsciiDigit)) {
    std::u32string padded(6 - t.size(), U'0');
    padded.append(t);
    hits.add("policy.copy-number", 0, t.size(), padded);
    return;
  }
  hits.add("policy.copy-number", 0, t.size());
}

void checkDecreeNumber(std::u32string_view t, Hits& hits) {
  const bool wellFormed = t.size() >= 3 && t.front() == U'第' && t.back() == U'号' && t[1] != U'0' &&
                          std::all_of(t.begin() + 1, t.end() - 1, isAsciiDigit);
  if (!wellFormed) hits.add("decree.number", 0, t.size());
}

void checkUrgency(std::u32string_view t, Hits& hits) {
  if (!t.empty() && t != U"特急" && t != U"加急") {
    hits.add("policy.urgency", 0, t.size(), std::nullopt, "（“特提”“平急”只用于电报）");
  }
}

}  // namespace gongwen::check
