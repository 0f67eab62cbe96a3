#include "pipeline/check/Checker.h"
#include "pipeline/check/FileKind.h"
#include "pipeline/check/TextLines.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/job/JobLoader.h"

namespace gongwen::check {

bool looksLikeXml(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<';
}

std::string rootElementName(std::string_view start) {
  if (start.substr(0, kUtf8Bom.size()) == kUtf8Bom) start.remove_prefix(kUtf8Bom.size());
  while (true) {
    const size_t open = start.find('<');
    if (open == std::string_view::npos || open + 1 >= start.size()) return "";
    start.remove_prefix(open);
    const std::string_view closing = start.substr(0, 4) == "<!--" ? "-->"
                                     : start[1] == '?'            ? "?>"
                                     : start[1] == '!'            ? ">"
                                                                  : "";
    if (closing.empty()) {
      const size_t end = start.find_first_of(" \t\r\n/>", 1);
      if (end == std::string_view::npos) return "";
      return std::string(start.substr(1, end - 1));
    }
    const size_t past = start.find(closing, 2);
    if (past == std::string_view::npos) return "";
    start.remove_prefix(past + closing.size());
  }
}

std::vector<Finding> checkFile(const std::string& path) {
  InputFile in(path, InputKind::Text);
  std::string piece(64 * 1024, '\0');
  // Enough of the start to see the first character that is not white space.
  std::string head;
  while (head.find_first_not_of(std::string(" \t\r\n") + std::string(kUtf8Bom)) == std::string::npos) {
    const size_t n = in.read(piece.data(), piece.size());
    if (n == 0) break;
    head.append(piece.data(), n);
  }
  if (looksLikeXml(head)) return checkDocument(job::loadJob(path));
  bool headGiven = false;
  return checkTextPieces(
      [&] {
        if (!headGiven) {
          headGiven = true;
          return std::string_view(head);
        }
        return std::string_view(piece.data(), in.read(piece.data(), piece.size()));
      },
      path);
}

}  // namespace gongwen::check
