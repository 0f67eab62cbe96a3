#include "pipeline/archive/UsabilityProbe.h"

#include <optional>

#include "pipeline/archive/EmbeddedFonts.h"
#include "pipeline/archive/PopplerReader.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

std::string pageProblem(int index, const std::string& what) {
  return "page " + std::to_string(index + 1) + " does not render: " + what +
         "; restore the file from a good replica or re-ingest the signed original";
}

// The fonts without their program: by the verifier's parser where it reads the whole file (much the
// cheaper, EmbeddedFonts.h), by Poppler's font list where it does not.
std::vector<std::string> unembeddedFonts(const PopplerDocument& document, const std::string& bytes,
                                         const std::string& pdfPath) {
  try {
    if (std::optional<std::vector<std::string>> fonts = fontsNotEmbedded(bytes, pdfPath)) return *fonts;
  } catch (const Error&) {
    // Poppler opened it: its own reading of the fonts is the answer.
  }
  return document.fontsNotEmbedded();
}

}  // namespace

std::vector<UsabilityProblem> probeUsability(const std::string& pdfPath, bool deep) {
  std::vector<UsabilityProblem> problems;
  std::string bytes;
  try {
    bytes = readFile(pdfPath);
  } catch (const Error& unreadable) {
    problems.push_back({"archive.pdf-unreadable",
                        std::string(unreadable.what()) + "; restore the file from a good replica"});
    return problems;
  }
  const PopplerOpening opened = openWithPoppler(bytes);
  if (!opened.document) {
    const std::string& why = opened.complaint;
    problems.push_back({"archive.pdf-unreadable", "Poppler cannot open it" +
                                                      (why.empty() ? "" : " (" + why + ")") +
                                                      "; restore the file from a good replica"});
    return problems;
  }
  const PopplerDocument& document = *opened.document;
  if (document.encrypted() || document.locked()) {
    problems.push_back({"archive.pdf-encrypted",
                        "it is encrypted: an archived file must open without a password in years to come; "
                        "archive the unencrypted signed original"});
  }
  for (const std::string& font : unembeddedFonts(document, bytes, pdfPath)) {
    problems.push_back({"archive.font-not-embedded",
                        "font " + font +
                            " is not embedded, so the text renders with whatever font a reader has; "
                            "render the document again with its fonts embedded"});
  }
  if (deep && !document.locked()) {
    for (int index = 0; index < document.pages(); ++index) {
      const std::string problem = document.renderProblem(index);
      if (!problem.empty()) problems.push_back({"archive.page-not-rendered", pageProblem(index, problem)});
    }
  }
  return problems;
}

}  // namespace gongwen::archive
