#include "pipeline/check/Checker.h"
#include "pipeline/check/FileKind.h"
#include "pipeline/check/TextLines.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/job/JobLoader.h"

namespace gongwen::check {

bool looksLikeXml(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<';
}

std::vector<Finding> checkFile(const std::string& path) {
  const std::string bytes = readFile(path);
  if (looksLikeXml(bytes)) return checkDocument(job::loadJob(path));
  return checkText(bytes, path);
}

}  // namespace gongwen::check
