#include "pipeline/archive/NumberSequence.h"

#include <map>
#include <optional>

#include "pipeline/check/DocNumberParts.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace gongwen::archive {

namespace {

struct ParsedNumber {
  std::string organCode, year;
  unsigned long number = 0;
};

// The checker's reading of a 发文字号: 机关代字, the bracketed year, the number; anything after 号 is not
// part of it.
std::optional<ParsedNumber> parse(const std::string& text) {
  std::u32string t;
  try {
    t = toUtf32(text, "发文字号");
  } catch (const Error&) {
    return std::nullopt;
  }
  std::size_t open = 0;
  while (open < t.size() && !check::isYearBracketOpen(t[open])) ++open;
  if (open == 0 || open >= t.size()) return std::nullopt;
  const std::optional<check::DocNumberParts> parts = check::parseDocNumber(t, open, false);
  if (!parts || parts->end != t.size()) return std::nullopt;
  const std::u32string_view digits =
      std::u32string_view(t).substr(parts->numberBegin, parts->numberEnd - parts->numberBegin);
  if (digits.size() > 9) return std::nullopt;  // no office issues a billion documents a year
  ParsedNumber parsed;
  parsed.organCode = toUtf8(std::u32string_view(t).substr(0, open));
  parsed.year = toUtf8(std::u32string_view(t).substr(parts->yearBegin, parts->yearEnd - parts->yearBegin));
  for (const char32_t digit : digits) parsed.number = parsed.number * 10 + (digit - U'0');
  return parsed;
}

}  // namespace

NumberingReport checkNumbering(const std::vector<NumberedDocument>& documents) {
  NumberingReport report;
  // organ code, year -> number -> the documents that carry it
  std::map<std::pair<std::string, std::string>, std::map<unsigned long, std::vector<std::string>>> sequences;
  for (const NumberedDocument& document : documents) {
    const std::optional<ParsedNumber> parsed = parse(document.number);
    if (!parsed) {
      NumberingFinding unreadable;
      unreadable.kind = NumberingFinding::Kind::Unreadable;
      unreadable.ids = {document.id};
      unreadable.number = document.number;
      report.findings.push_back(std::move(unreadable));
      continue;
    }
    sequences[{parsed->organCode, parsed->year}][parsed->number].push_back(document.id);
  }
  for (const auto& [key, numbers] : sequences) {
    NumberSequence sequence{key.first, key.second, 0, numbers.begin()->first, numbers.rbegin()->first};
    std::optional<unsigned long> previous;
    for (const auto& [number, ids] : numbers) {
      sequence.documents += ids.size();
      if (previous && number > *previous + 1) {
        report.findings.push_back(
            {NumberingFinding::Kind::Gap, key.first, key.second, *previous + 1, number - 1, {}, ""});
      }
      if (ids.size() > 1) {
        report.findings.push_back(
            {NumberingFinding::Kind::Duplicate, key.first, key.second, number, number, ids, ""});
      }
      previous = number;
    }
    report.sequences.push_back(std::move(sequence));
  }
  return report;
}

}  // namespace gongwen::archive
