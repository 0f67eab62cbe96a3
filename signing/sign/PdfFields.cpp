#include "signing/sign/PdfFields.h"

#include <set>

namespace gongwen::sign {

using verify::pdf::Object;

namespace {

void collectSignatureFields(const SignableDocument& document, const Object& entry, bool inheritedSig,
                            std::vector<FoundField>& out, std::set<int>& visited, int depth) {
  if (depth > 32) return;
  if (entry.is(Object::Kind::Ref) && !visited.insert(entry.ref.number).second) return;  // a /Kids loop
  const Object field = document.resolve(entry);
  if (!field.is(Object::Kind::Dict)) return;
  const Object* type = field.get("FT");
  const bool isSig = type != nullptr ? type->isName("Sig") : inheritedSig;
  const Object kids = field.get("Kids") != nullptr ? document.resolve(*field.get("Kids")) : Object();
  bool hasFieldKids = false;
  if (kids.is(Object::Kind::Array)) {
    for (const Object& kid : *kids.array) {
      // Kids that carry a /T are fields; the others are this field's widgets.
      if (document.resolve(kid).get("T") != nullptr) {
        hasFieldKids = true;
        collectSignatureFields(document, kid, isSig, out, visited, depth + 1);
      }
    }
  }
  if (!hasFieldKids && isSig) out.push_back({entry, field});
}

}  // namespace

Object acroForm(const SignableDocument& document) {
  const Object* entry = document.catalog().get("AcroForm");
  const Object form = entry != nullptr ? document.resolve(*entry) : Object();
  return form.is(Object::Kind::Dict) ? form : Object();
}

std::vector<FoundField> signatureFields(const SignableDocument& document) {
  std::vector<FoundField> out;
  const Object form = acroForm(document);
  const Object fields = form.get("Fields") != nullptr ? document.resolve(*form.get("Fields")) : Object();
  if (!fields.is(Object::Kind::Array)) return out;
  std::set<int> visited;
  for (const Object& entry : *fields.array) collectSignatureFields(document, entry, false, out, visited, 0);
  return out;
}

}  // namespace gongwen::sign
