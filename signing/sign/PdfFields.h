#pragma once
// Finding things in a parsed PDF's interactive form: the AcroForm, its signature fields (through
// /Kids), and the empty seal field rendering placed for a seal id.

#include <vector>

namespace PoDoFo {
class PdfMemDocument;
class PdfObject;
}  // namespace PoDoFo

namespace gongwen::sign {

// The AcroForm dictionary (followed through a reference), or null when the document has none.
const PoDoFo::PdfObject* acroForm(const PoDoFo::PdfMemDocument& pdf);

// Every terminal field with /FT /Sig (inherited /FT honoured), in /Fields order.
std::vector<const PoDoFo::PdfObject*> signatureFields(const PoDoFo::PdfMemDocument& pdf);

}  // namespace gongwen::sign
