#pragma once
// Every reserved seal or signature box becomes an empty, unsigned signature field (/FT /Sig, no
// /V) whose widget sits on its page; /GongwenSeal records which seal of the policy goes there, and
// /GongwenStep which approval step signs a form's box, so the signing stage fills the field
// without guessing.

#include <podofo/podofo.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/layout/Frames.h"

namespace gongwen::pdf {

class SealFieldWriter {
 public:
  explicit SealFieldWriter(PoDoFo::PdfMemDocument& document) : document_(document) {}

  // Adds the page's fields as widget annotations. Throws Error(InputInvalid,
  // "pdf.duplicate-seal-field") when a field name is used twice in the document.
  void addFields(PoDoFo::PdfPage& page, int pageNumber, const std::vector<layout::SealField>& fields);

  // Writes /AcroForm /Fields into the catalog when any field was added.
  void finish();

 private:
  PoDoFo::PdfMemDocument& document_;
  PoDoFo::PdfArray fields_;
  std::set<std::string> names_;
};

}  // namespace gongwen::pdf
