#pragma once
// Is a signature's /ByteRange sane: four integers, starting at 0, leaving exactly one gap that is
// exactly this signature dictionary's /Contents hex string, and ending where a revision ends?

#include <optional>
#include <string_view>
#include <vector>

#include "signing/verify/CmsCheck.h"
#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify {

struct ByteRangeResult {
  std::vector<std::string_view> covered;  // the signed bytes, when the ranges lie inside the file
  std::optional<size_t> revision;         // 0-based revision the signature covers
  size_t end = 0;                         // where the signed bytes end: orders the signatures
  std::vector<Problem> problems;
};

ByteRangeResult checkByteRange(const pdf::Document& document, const pdf::Object& signature);

}  // namespace gongwen::verify
