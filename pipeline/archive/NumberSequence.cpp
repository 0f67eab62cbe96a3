#include "pipeline/archive/NumberSequence.h"

#include <map>
#include <optional>

#include "pipeline/archive/DocumentNumber.h"

namespace gongwen::archive {

NumberingReport checkNumbering(const std::vector<NumberedDocument>& documents) {
  NumberingReport report;
  // organ code, year -> number -> the documents that carry it
  std::map<std::pair<std::string, long long>, std::map<long long, std::vector<std::string>>> sequences;
  for (const NumberedDocument& document : documents) {
    const std::optional<NumberParts> parts = splitDocNumber(document.number);
    if (!parts) {
      NumberingFinding unreadable;
      unreadable.kind = NumberingFinding::Kind::Unreadable;
      unreadable.ids = {document.id};
      unreadable.number = document.number;
      report.findings.push_back(std::move(unreadable));
      continue;
    }
    sequences[{parts->organCode, parts->year}][parts->serial].push_back(document.id);
  }
  for (const auto& [key, numbers] : sequences) {
    NumberSequence sequence{key.first, key.second, 0, numbers.begin()->first, numbers.rbegin()->first};
    std::optional<long long> previous;
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
