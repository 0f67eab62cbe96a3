#pragma once
// The signature fields of a form's boxes as the file states them, read with PoDoFo (header only:
// only the test programs that link PoDoFo include it).

#include <podofo/podofo.h>

#include <algorithm>
#include <map>
#include <string>

namespace gongwen::testing {

struct FieldRect {
  double left = 0, bottom = 0, right = 0, top = 0;  // PDF coordinates (origin bottom-left)
};

// The widget rectangle of every signature field that names a step (/GongwenStep), by step.
inline std::map<std::string, FieldRect> stepFieldRects(const std::string& path) {
  PoDoFo::PdfMemDocument pdf;
  pdf.Load(path.c_str());
  std::map<std::string, FieldRect> boxes;
  const PoDoFo::PdfObject* form = pdf.GetCatalog()->GetIndirectKey("AcroForm");
  const PoDoFo::PdfObject* fields = form ? form->GetIndirectKey("Fields") : nullptr;
  if (fields == nullptr || !fields->IsArray()) return boxes;
  for (const PoDoFo::PdfObject& entry : fields->GetArray()) {
    const PoDoFo::PdfObject* field = pdf.GetObjects().GetObject(entry.GetReference());
    const PoDoFo::PdfObject* step = field->GetIndirectKey("GongwenStep");
    const PoDoFo::PdfObject* rect = field->GetIndirectKey("Rect");
    if (step == nullptr || rect == nullptr) continue;
    const PoDoFo::PdfArray& r = rect->GetArray();
    boxes[step->GetString().GetStringUtf8()] = {
        std::min(r[0].GetReal(), r[2].GetReal()), std::min(r[1].GetReal(), r[3].GetReal()),
        std::max(r[0].GetReal(), r[2].GetReal()), std::max(r[1].GetReal(), r[3].GetReal())};
  }
  return boxes;
}

}  // namespace gongwen::testing
