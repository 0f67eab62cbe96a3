#include "pipeline/archive/UsabilityProbe.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <optional>

#include "pipeline/archive/EmbeddedFonts.h"
#include "pipeline/archive/PopplerDocument.h"
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
std::vector<std::string> unembeddedFonts(const poppler::document& document, const std::string& bytes,
                                         const std::string& pdfPath) {
  try {
    if (std::optional<std::vector<std::string>> fonts = fontsNotEmbedded(bytes, pdfPath)) return *fonts;
  } catch (const Error&) {
    // Poppler opened it: its own reading of the fonts is the answer.
  }
  std::vector<std::string> fonts;
  for (const poppler::font_info& font : document.fonts()) {
    // A Type 3 font is drawn by the document's own content streams, so it is always with the file.
    if (!font.is_embedded() && font.type() != poppler::font_info::type3)
      fonts.push_back(font.name().empty() ? std::string("(unnamed)") : font.name());
  }
  return fonts;
}

}  // namespace

std::vector<UsabilityProblem> probeUsability(const std::string& pdfPath, bool deep) {
  std::vector<UsabilityProblem> problems;
  PopplerErrors errors;
  std::string bytes;
  try {
    bytes = readFile(pdfPath);
  } catch (const Error& unreadable) {
    problems.push_back({"archive.pdf-unreadable",
                        std::string(unreadable.what()) + "; restore the file from a good replica"});
    return problems;
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    const std::string why = errors.take();
    problems.push_back({"archive.pdf-unreadable", "Poppler cannot open it" +
                                                      (why.empty() ? "" : " (" + why + ")") +
                                                      "; restore the file from a good replica"});
    return problems;
  }
  if (document->is_encrypted() || document->is_locked()) {
    problems.push_back({"archive.pdf-encrypted",
                        "it is encrypted: an archived file must open without a password in years to come; "
                        "archive the unencrypted signed original"});
  }
  for (const std::string& font : unembeddedFonts(*document, bytes, pdfPath)) {
    problems.push_back({"archive.font-not-embedded",
                        "font " + font +
                            " is not embedded, so the text renders with whatever font a reader has; "
                            "render the document again with its fonts embedded"});
  }
  if (deep && !document->is_locked()) {
    poppler::page_renderer renderer;
    for (int index = 0; index < document->pages(); ++index) {
      errors.take();
      std::unique_ptr<poppler::page> page(document->create_page(index));
      if (!page) {
        problems.push_back({"archive.page-not-rendered", pageProblem(index, "Poppler cannot read the page")});
        continue;
      }
      // Low resolution: whether the page's content can be drawn, not how sharply.
      const poppler::image image = renderer.render_page(page.get(), 36.0, 36.0);
      const std::string why = errors.take();
      if (!image.is_valid() || !why.empty()) {
        problems.push_back({"archive.page-not-rendered", pageProblem(index, why.empty() ? "no image" : why)});
      }
    }
  }
  return problems;
}

}  // namespace gongwen::archive
