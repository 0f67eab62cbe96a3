#include "pipeline/pdf/SealFields.h"

#include "pipeline/core/Error.h"
#include "pipeline/pdf/PdfValues.h"

namespace gongwen::pdf {
namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfName;
using PoDoFo::PdfString;
using PoDoFo::PdfVariant;

}  // namespace

void SealFieldWriter::addFields(PoDoFo::PdfPage& page, int pageNumber,
                                const std::vector<layout::SealField>& fields) {
  if (fields.empty()) return;
  PoDoFo::PdfDictionary& pageDict = page.GetObject()->GetDictionary();
  PdfArray annots;
  if (const PoDoFo::PdfObject* existing = pageDict.GetKey("Annots")) annots = existing->GetArray();
  for (const layout::SealField& field : fields) {
    if (!names_.insert(field.name).second) {
      throw inputError("pdf.duplicate-seal-field",
                       "page " + std::to_string(pageNumber) + ": seal field '" + field.name +
                           "' is used twice; every seal and signature box needs its own name");
    }
    PoDoFo::PdfObject* widget = document_.GetObjects().CreateObject("Annot");
    PoDoFo::PdfDictionary& w = widget->GetDictionary();
    w.AddKey("Subtype", PdfName("Widget"));
    w.AddKey("FT", PdfName("Sig"));
    w.AddKey("T", utf8String(field.name));
    PdfArray rect;
    for (double v : {field.x, field.y, field.x + field.width, field.y + field.height})
      rect.push_back(PdfVariant(v));
    w.AddKey("Rect", rect);
    w.AddKey("F", PdfVariant(static_cast<PoDoFo::pdf_int64>(4)));  // Print
    w.AddKey("P", page.GetObject()->Reference());
    if (!field.sealId.empty()) w.AddKey("GongwenSeal", utf8String(field.sealId));
    if (!field.stepId.empty()) w.AddKey("GongwenStep", utf8String(field.stepId));
    annots.push_back(widget->Reference());
    fields_.push_back(widget->Reference());
  }
  pageDict.AddKey("Annots", annots);
}

void SealFieldWriter::finish() {
  if (fields_.empty()) return;
  PoDoFo::PdfObject* form = document_.GetObjects().CreateObject();
  form->GetDictionary().AddKey("Fields", fields_);
  document_.GetCatalog()->GetDictionary().AddKey("AcroForm", form->Reference());
}

}  // namespace gongwen::pdf
