#include "pipeline/pdf/SealFields.h"

#include "pipeline/core/Error.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::pdf {

std::vector<unsigned> SealFieldWriter::addFields(unsigned page, int pageNumber,
                                                 const std::vector<layout::SealField>& fields) {
  std::vector<unsigned> widgets;
  for (const layout::SealField& field : fields) {
    if (!names_.insert(field.name).second) {
      throw inputError("pdf.duplicate-seal-field",
                       "page " + std::to_string(pageNumber) + ": seal field '" + field.name +
                           "' is used twice; every seal and signature box needs its own name");
    }
    DictionaryWriter widget;
    widget.add("Type", pdfName("Annot"))
        .add("Subtype", pdfName("Widget"))
        .add("FT", pdfName("Sig"))
        .add("T", textString(field.name))
        .add("Rect",
             array({real(field.x), real(field.y), real(field.x + field.width), real(field.y + field.height)}))
        .add("F", integer(4))  // Print
        .add("P", reference(page));
    if (!field.sealId.empty()) widget.add("GongwenSeal", textString(field.sealId));
    if (!field.stepId.empty()) widget.add("GongwenStep", textString(field.stepId));
    widgets.push_back(writer_.add(widget.text()));
    fields_.push_back(reference(widgets.back()));
  }
  return widgets;
}

std::optional<unsigned> SealFieldWriter::finish() {
  if (fields_.empty()) return std::nullopt;
  return writer_.add(DictionaryWriter().add("Fields", array(fields_)).text());
}

}  // namespace gongwen::pdf
