#include "pipeline/archive/PdfFacts.h"

#include "pipeline/archive/PopplerReader.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

PdfFacts readPdfFacts(const std::string& bytes, const std::string& fileName) {
  const PopplerOpening opened = openWithPoppler(bytes);
  if (!opened.document || opened.document->locked())
    throw inputError("archive.pdf-unreadable",
                     fileName +
                         ": Poppler cannot open the PDF (or it is encrypted); an archived document must "
                         "open in an ordinary reader");
  const PopplerDocument& document = *opened.document;
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
  for (const auto& [key, value] : keys) *value = document.info(key);
  facts.pdfVersion = document.pdfVersion();
  facts.pages = document.pages();
  facts.text = document.text();
  return facts;
}

}  // namespace gongwen::archive
