#pragma once
// Finding things in a parsed PDF: an object through its reference, the interactive form's AcroForm
// and its signature fields (through /Kids).

#include <vector>

namespace PoDoFo {
class PdfMemDocument;
class PdfObject;
}  // namespace PoDoFo

namespace gongwen::sign {

// The object `object` refers to, or `object` itself when it is not a reference (null stays null).
const PoDoFo::PdfObject* resolve(const PoDoFo::PdfMemDocument& pdf, const PoDoFo::PdfObject* object);

// The AcroForm dictionary (followed through a reference), or null when the document has none.
const PoDoFo::PdfObject* acroForm(const PoDoFo::PdfMemDocument& pdf);

// Every terminal field with /FT /Sig (inherited /FT honoured), in /Fields order.
std::vector<const PoDoFo::PdfObject*> signatureFields(const PoDoFo::PdfMemDocument& pdf);

}  // namespace gongwen::sign
