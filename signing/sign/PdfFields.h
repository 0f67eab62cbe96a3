#pragma once
// Finding the signature fields of the document as its last revision stands: the AcroForm and its
// fields through /Kids.

#include <vector>

#include "signing/sign/SignableDocument.h"

namespace gongwen::sign {

// A terminal signature field: the entry that names it (a reference, or the dictionary itself when
// written inline) and its dictionary.
struct FoundField {
  verify::pdf::Object entry;
  verify::pdf::Object dict;
};

// The AcroForm dictionary (followed through a reference), or null when the document has none.
verify::pdf::Object acroForm(const SignableDocument& document);

// Every terminal field with /FT /Sig (inherited /FT honoured), in /Fields order.
std::vector<FoundField> signatureFields(const SignableDocument& document);

}  // namespace gongwen::sign
