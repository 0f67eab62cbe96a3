#pragma once
// What an incremental update changed, object by object, judged against a whitelist in the manner
// of pyHanko's diff analysis: after a signature only new signature fields and their widgets, the
// AcroForm /Fields and /SigFlags bookkeeping, filling a still-empty signature (seal) field and DSS
// are allowed. Everything else is reported with its object number, page and kind.

#include <string>
#include <vector>

#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify {

struct Change {
  size_t revision = 0;  // 1-based revision that made the change
  int objectNumber = 0;
  int page = 0;      // 1-based page the object belongs to, 0 when none
  std::string code;  // "allowed.*" or "modified.*" (page-content, annotation, font, catalog, …)
  std::string description;
  bool allowed() const { return code.rfind("allowed.", 0) == 0; }
};

// The changes revision `revision` (0-based, >= 1) made to revision `revision - 1`.
std::vector<Change> diffRevision(const pdf::Document& document, size_t revision);

}  // namespace gongwen::verify
