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
