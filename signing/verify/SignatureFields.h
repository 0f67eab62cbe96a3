#pragma once
// The signatures a PDF holds: every signature field with a value, in any revision, in the order
// their byte ranges end (the order they were made).

#include <string>
#include <vector>

#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify {

struct SignatureField {
  std::string name;         // fully qualified field name (/T of the field and its parents)
  int fieldObject = 0;      // the field dictionary's object number
  int signatureObject = 0;  // the signature dictionary (/V)
};

std::vector<SignatureField> findSignatureFields(const pdf::Document& document);

}  // namespace gongwen::verify
