#pragma once
// `archive find`: the registered documents that match every criterion given, in Chinese order of
// their titles (ICU collation for zh: pinyin), then 发文字号, then id. Only registered documents are
// found, and a document is registered only once its bag is complete in all three replica roots.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/archive/RegistryStore.h"

namespace gongwen::archive {

struct SearchCriteria {
  std::string number;              // part of the 发文字号
  std::vector<std::string> words;  // each in the title or the text (whitespace in the text ignored)
  std::string from, to;            // 成文日期 range, YYYY-MM-DD, inclusive
  std::string kind;                // 文种 (通知) or template id (notice)
  std::string signer;              // person id or name of any signer
  std::optional<bool> incoming;    // only incoming (true) or only our own (false)
};

struct FoundDocument {
  std::string id, number, title, date, kind, templateId, organ, classification;
  bool incoming = false;
  bool onLoan = false;  // a loan without its return
};

std::vector<FoundDocument> findDocuments(const RegistryStore& registry, const SearchCriteria& criteria);

// "2026-11-20" or "2026年11月20日" as YYYY-MM-DD; throws Error(Usage, "usage") naming `option`.
std::string criterionDate(const std::string& text, const std::string& option);

}  // namespace gongwen::archive
