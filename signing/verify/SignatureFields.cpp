#include "signing/verify/SignatureFields.h"

#include <set>

namespace gongwen::verify {
namespace {

using pdf::Object;

void collect(const pdf::Document& doc, size_t revision, const Object& field, const std::string& parentName,
             bool parentIsSignature, int depth, std::set<int>& visited, std::set<int>& seen,
             std::vector<SignatureField>& out) {
  if (depth > 16) return;
  // Each field once per revision: /Kids may form a cycle.
  if (field.is(Object::Kind::Ref) && !visited.insert(field.ref.number).second) return;
  const Object dict = doc.resolve(field, revision);
  if (!dict.isDictLike()) return;
  const Object* title = dict.get("T");
  const std::string name =
      title && title->is(Object::Kind::String)
          ? (parentName.empty() ? pdf::textOf(title) : parentName + "." + pdf::textOf(title))
          : parentName;
  const Object* type = dict.get("FT");
  const bool isSignature = type ? type->isName("Sig") : parentIsSignature;
  if (const Object* kids = dict.get("Kids"); kids && kids->is(Object::Kind::Array)) {
    for (const auto& kid : *kids->array)
      collect(doc, revision, kid, name, isSignature, depth + 1, visited, seen, out);
  }
  const Object* value = dict.get("V");
  if (isSignature && value && value->is(Object::Kind::Ref) && seen.insert(value->ref.number).second) {
    out.push_back({name, field.is(Object::Kind::Ref) ? field.ref.number : 0, value->ref.number});
  }
}

}  // namespace

std::vector<SignatureField> findSignatureFields(const pdf::Document& doc) {
  std::vector<SignatureField> fields;
  std::set<int> seen;
  // Every revision is searched: a later revision that drops a field must not hide its signature.
  for (size_t r = doc.revisions().size(); r-- > 0;) {
    const Object* root = doc.revisions()[r].trailer.get("Root");
    if (!root) continue;
    const Object catalog = doc.resolve(*root, r);
    const Object* formValue = catalog.get("AcroForm");
    if (!formValue) continue;
    const Object form = doc.resolve(*formValue, r);
    const Object* list = form.get("Fields");
    if (!list) continue;
    const Object fieldsArray = doc.resolve(*list, r);
    if (!fieldsArray.is(Object::Kind::Array)) continue;
    std::set<int> visited;
    for (const auto& field : *fieldsArray.array) collect(doc, r, field, "", false, 0, visited, seen, fields);
  }
  return fields;
}

}  // namespace gongwen::verify
