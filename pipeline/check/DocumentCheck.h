#pragma once
// checkDocument with, for each finding, the bytes of the job file it covers (for --fix on XML).

#include <optional>
#include <utility>
#include <vector>

#include "pipeline/check/Finding.h"
#include "pipeline/check/JobSource.h"
#include "pipeline/model/Document.h"

namespace gongwen::check {

struct LocatedFinding {
  Finding finding;
  std::optional<std::pair<size_t, size_t>> bytes;  // in the job file; absent when not traceable
  bool inAttribute = false;
};

std::vector<LocatedFinding> checkDocumentLocated(const model::Document& doc, const JobSource& source);

}  // namespace gongwen::check
