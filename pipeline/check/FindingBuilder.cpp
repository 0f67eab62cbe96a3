#include "pipeline/check/FindingBuilder.h"

#include <algorithm>

#include "pipeline/check/RuleCatalog.h"
#include "pipeline/core/Utf.h"

namespace gongwen::check {

namespace {
// Excerpts of very long lines show this many characters either side of the span.
constexpr size_t kExcerptRadius = 40;
}  // namespace

void sortByPosition(std::vector<Finding>& findings) {
  const auto before = [](const Finding& a, const Finding& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  if (std::is_sorted(findings.begin(), findings.end(), before)) return;
  std::stable_sort(findings.begin(), findings.end(), before);
}

Finding makeFinding(const Hit& hit, std::u32string_view text, const Place& place) {
  const RuleInfo& rule = ruleInfo(hit.rule);
  Finding f;
  f.rule = std::string(rule.id);
  f.severity = rule.severity;
  f.file = place.file;
  f.line = place.line;
  f.column = place.column;
  f.length = static_cast<int>(hit.length);
  f.element = place.element;
  f.message = std::string(rule.message) + hit.detail;
  if (hit.fix) {
    f.fix = toUtf8(*hit.fix);
    if (hit.length == 0) {
      f.message += "，应补上“" + *f.fix + "”";
    } else if (hit.fix->empty()) {
      f.message += "，应删去“" + toUtf8(text.substr(hit.offset, hit.length)) + "”";
    } else {
      f.message += "，应改为“" + *f.fix + "”";
    }
  }
  const size_t from = hit.offset > kExcerptRadius ? hit.offset - kExcerptRadius : 0;
  const size_t to = std::min(text.size(), hit.offset + hit.length + kExcerptRadius);
  f.excerpt = toUtf8(text.substr(from, to - from));
  f.excerptColumn = static_cast<int>(hit.offset - from) + 1;
  return f;
}

}  // namespace gongwen::check
