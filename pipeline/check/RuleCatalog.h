#pragma once
// The rule metadata table: one row per rule, the single source of `gongwen check --list-rules`
// and of every finding's severity and message.

#include <string_view>
#include <vector>

#include "pipeline/check/Finding.h"

namespace gongwen::check {

struct RuleInfo {
  std::string_view id;  // <area>.<name>
  Severity severity;
  std::string_view clause;   // the standard or regulation it enforces
  std::string_view message;  // Chinese, for the clerk
  std::string_view example;  // a text the rule flags
  std::string_view fix;      // what --fix does, or "—" when the fix needs a human
};

const std::vector<RuleInfo>& ruleCatalog();

// Throws std::logic_error for an id that is not in the table (a programming error).
const RuleInfo& ruleInfo(std::string_view id);

// The catalog as a Markdown table (id, severity, clause, example, fix).
std::string ruleTable();

}  // namespace gongwen::check
