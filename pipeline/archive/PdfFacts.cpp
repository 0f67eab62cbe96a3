#include "pipeline/archive/PdfFacts.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

namespace {

std::string utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Poppler's own complaints about a file go to standard error unless routed elsewhere; the verifier
// has said what matters about the file already.
void quiet(const std::string&, void*) {}

}  // namespace

PdfFacts readPdfFacts(const std::string& bytes, const std::string& fileName) {
  static const bool silenced = (poppler::set_debug_error_function(quiet, nullptr), true);
  (void)silenced;
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document || document->is_locked())
    throw inputError("archive.pdf-unreadable",
                     fileName +
                         ": Poppler cannot open the PDF (or it is encrypted); an archived document must "
                         "open in an ordinary reader");
  PdfFacts facts;
  const std::pair<const char*, std::string*> keys[] = {{"Title", &facts.title},
                                                       {"Author", &facts.organ},
                                                       {"Subject", &facts.kind},
                                                       {"GongwenTemplate", &facts.templateId},
                                                       {"GongwenNumber", &facts.number},
                                                       {"GongwenDate", &facts.date},
                                                       {"GongwenClassification", &facts.classification},
                                                       {"GongwenCopyNumber", &facts.copyNumber},
                                                       {"GongwenUrgency", &facts.urgency}};
  for (const auto& [key, value] : keys) *value = utf8(document->info_key(key));
  int major = 0, minor = 0;
  document->get_pdf_version(&major, &minor);
  facts.pdfVersion = std::to_string(major) + "." + std::to_string(minor);
  facts.pages = document->pages();
  for (int i = 0; i < facts.pages; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (i > 0) facts.text += '\f';
    if (page) facts.text += utf8(page->text());
  }
  return facts;
}

}  // namespace gongwen::archive
