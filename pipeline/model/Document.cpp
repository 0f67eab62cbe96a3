#include "pipeline/model/Document.h"

namespace gongwen::model {

std::string SourceLocation::describe() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (!xpath.empty()) out += " (" + xpath + ")";
  return out;
}

bool Document::sealed() const {
  for (const auto& s : signatories) {
    if (!s.seal.empty()) return true;
  }
  return false;
}

std::string classificationLine(const Classification& c) {
  if (c.period.empty()) return c.level.value;
  return c.level.value + "\u2605" + c.period.value;
}

std::string attachmentNoteLine(const Document& d, size_t index) {
  const auto& title = d.attachments.at(index).title.value;
  if (d.attachments.size() == 1) return title;
  return std::to_string(index + 1) + ". " + title;
}

}  // namespace gongwen::model
