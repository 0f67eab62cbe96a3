#include "signing/sign/PdfFields.h"

#include <podofo/podofo.h>

namespace gongwen::sign {

using namespace PoDoFo;

namespace {

void collectSignatureFields(const PdfMemDocument& pdf, const PdfObject* field, bool inheritedSig,
                            std::vector<const PdfObject*>& out, int depth) {
  if (field == nullptr || !field->IsDictionary() || depth > 32) return;  // depth: guard against /Kids loops
  const PdfObject* type = field->GetDictionary().GetKey("FT");
  const bool isSig = type != nullptr ? type->IsName() && type->GetName() == PdfName("Sig") : inheritedSig;
  const PdfObject* kids = field->GetIndirectKey("Kids");
  bool hasFieldKids = false;
  if (kids != nullptr && kids->IsArray()) {
    for (const PdfObject& kid : kids->GetArray()) {
      const PdfObject* child = resolve(pdf, &kid);
      // Kids that carry a /T are fields; the others are this field's widgets.
      if (child != nullptr && child->IsDictionary() && child->GetDictionary().HasKey("T")) {
        hasFieldKids = true;
        collectSignatureFields(pdf, child, isSig, out, depth + 1);
      }
    }
  }
  if (!hasFieldKids && isSig) out.push_back(field);
}

}  // namespace

const PdfObject* resolve(const PdfMemDocument& pdf, const PdfObject* object) {
  return object != nullptr && object->IsReference() ? pdf.GetObjects().GetObject(object->GetReference())
                                                    : object;
}

const PdfObject* acroForm(const PdfMemDocument& pdf) {
  const PdfObject* form = pdf.GetCatalog()->GetIndirectKey("AcroForm");
  return form != nullptr && form->IsDictionary() ? form : nullptr;
}

std::vector<const PdfObject*> signatureFields(const PdfMemDocument& pdf) {
  std::vector<const PdfObject*> out;
  const PdfObject* form = acroForm(pdf);
  const PdfObject* fields = form != nullptr ? form->GetIndirectKey("Fields") : nullptr;
  if (fields == nullptr || !fields->IsArray()) return out;
  for (const PdfObject& entry : fields->GetArray()) {
    const PdfObject* field = resolve(pdf, &entry);
    collectSignatureFields(pdf, field, false, out, 0);
  }
  return out;
}

}  // namespace gongwen::sign
