#pragma once
// DA/T 70 可用性 of an archived PDF, as an independent reader (Poppler) sees it: it opens, it is not
// encrypted, every font is embedded (so that it renders the same in years to come) and, when asked,
// every page renders.

#include <string>
#include <vector>

namespace gongwen::archive {

struct UsabilityProblem {
  // archive.pdf-unreadable, archive.pdf-encrypted, archive.font-not-embedded, archive.page-not-rendered
  std::string code;
  std::string message;
};

// `deep`: also render every page (slow: a second or so for a few pages). Never throws for a bad
// PDF: what is wrong with it is the answer.
std::vector<UsabilityProblem> probeUsability(const std::string& pdfPath, bool deep);

}  // namespace gongwen::archive
