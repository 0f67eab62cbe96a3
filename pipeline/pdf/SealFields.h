#pragma once
// Every reserved seal or signature box becomes an empty, unsigned signature field (/FT /Sig, no
// /V) whose widget sits on its page; /GongwenSeal records which seal of the policy goes there, and
// /GongwenStep which approval step signs a form's box, so the signing stage fills the field
// without guessing.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/layout/Frames.h"
#include "pipeline/pdf/PdfObjectWriter.h"

namespace gongwen::pdf {

class SealFieldWriter {
 public:
  explicit SealFieldWriter(PdfObjectWriter& writer) : writer_(writer) {}

  // Writes the page's fields as widget annotations of the page object `page` and returns their
  // numbers, for the page's /Annots. Throws Error(InputInvalid, "pdf.duplicate-seal-field") when a
  // field name is used twice in the document.
  std::vector<unsigned> addFields(unsigned page, int pageNumber,
                                  const std::vector<layout::SealField>& fields);

  // Writes the /AcroForm dictionary listing every field, and returns its number; nothing when no
  // field was added.
  std::optional<unsigned> finish();

 private:
  PdfObjectWriter& writer_;
  std::vector<std::string> fields_;  // references to the widgets, in the order added
  std::set<std::string> names_;
};

}  // namespace gongwen::pdf
