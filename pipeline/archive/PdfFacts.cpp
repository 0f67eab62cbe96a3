#include "pipeline/archive/PdfFacts.h"

#include "pipeline/archive/PopplerDocument.h"
#include "pipeline/core/Error.h"

namespace gongwen::archive {

PdfFacts readPdfFacts(const std::string& bytes, const std::string& fileName) {
  // Poppler's own complaints about the file are dropped: the verifier has said what matters already.
  const PopplerErrors ignored;
  const std::unique_ptr<PDFDoc> document = openPdf(bytes);
  if (!document->isOk())
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
  for (const auto& [key, value] : keys) *value = infoEntry(*document, key);
  facts.pdfVersion =
      std::to_string(document->getPDFMajorVersion()) + "." + std::to_string(document->getPDFMinorVersion());
  facts.pages = document->getNumPages();
  facts.text = pagesText(*document);
  return facts;
}

}  // namespace gongwen::archive
