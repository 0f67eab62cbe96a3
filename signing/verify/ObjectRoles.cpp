#include "signing/verify/ObjectRoles.h"

#include <set>

namespace gongwen::verify {
namespace {

using pdf::Object;
using Kind = ObjectRole::Kind;

class RoleMapper {
 public:
  RoleMapper(const pdf::Document& document, size_t revision) : doc_(document), revision_(revision) {}

  std::map<int, ObjectRole> run() {
    const Object& trailer = doc_.revisions()[revision_].trailer;
    if (const Object* info = trailer.get("Info")) mark(*info, {Kind::Info, 0, ""});
    const Object* root = trailer.get("Root");
    if (!root) return roles_;
    mark(*root, {Kind::Catalog, 0, ""});
    const Object catalog = doc_.resolve(*root, revision_);
    if (const Object* pages = catalog.get("Pages")) walkPageTree(*pages, 0);
    if (const Object* form = catalog.get("AcroForm")) walkAcroForm(*form);
    if (catalog.isDictLike()) {
      for (const auto& [key, value] : *catalog.dict)
        markReachable(value, {Kind::CatalogEntry, 0, "/" + key}, 3);
    }
    return roles_;
  }

 private:
  // Returns false when the object already has a role (shared objects keep their first, most specific one).
  bool mark(const Object& value, const ObjectRole& role) {
    if (!value.is(Object::Kind::Ref)) return true;
    return roles_.emplace(value.ref.number, role).second;
  }

  void markReachable(const Object& value, const ObjectRole& role, int depth) {
    if (depth < 0) return;
    if (value.is(Object::Kind::Ref)) {
      if (!mark(value, role)) return;
      markReachable(doc_.resolve(value, revision_), role, depth - 1);
    } else if (value.is(Object::Kind::Array)) {
      for (const auto& item : *value.array) markReachable(item, role, depth);
    } else if (value.isDictLike()) {
      for (const auto& [key, item] : *value.dict) {
        if (key != "Parent" && key != "P") markReachable(item, role, depth);
      }
    }
  }

  void walkPageTree(const Object& node, int depth) {
    if (depth > 32) return;
    const Object resolved = doc_.resolve(node, revision_);
    if (resolved.get("Type") && resolved.get("Type")->isName("Pages")) {
      if (!mark(node, {Kind::PageTree, 0, ""})) return;  // a cycle or a shared node
      if (const Object* kids = resolved.get("Kids"); kids && kids->is(Object::Kind::Array)) {
        for (const auto& kid : *kids->array) walkPageTree(kid, depth + 1);
      }
      return;
    }
    if (node.is(Object::Kind::Ref) && roles_.count(node.ref.number)) return;
    const int page = ++pageCount_;
    mark(node, {Kind::Page, page, ""});
    if (const Object* contents = resolved.get("Contents"))
      markReachable(*contents, {Kind::ContentStream, page, ""}, 1);
    if (const Object* annots = resolved.get("Annots")) {
      mark(*annots, {Kind::AnnotationList, page, ""});
      const Object list = doc_.resolve(*annots, revision_);
      if (list.is(Object::Kind::Array)) {
        for (const auto& annot : *list.array) mark(annot, {Kind::Annotation, page, ""});
      }
    }
    if (const Object* resources = resolved.get("Resources")) walkResources(*resources, page);
  }

  void walkResources(const Object& resources, int page) {
    mark(resources, {Kind::Resources, page, ""});
    const Object dict = doc_.resolve(resources, revision_);
    if (!dict.isDictLike()) return;
    for (const auto& [category, entries] : *dict.dict) {
      mark(entries, {Kind::Resources, page, "/" + category});
      const Object named = doc_.resolve(entries, revision_);
      if (!named.isDictLike()) continue;
      const Kind kind = category == "Font"      ? Kind::Font
                        : category == "XObject" ? Kind::XObject
                                                : Kind::Resources;
      for (const auto& [name, value] : *named.dict) markReachable(value, {kind, page, "/" + name}, 4);
    }
  }

  void walkAcroForm(const Object& form) {
    mark(form, {Kind::AcroForm, 0, ""});
    const Object dict = doc_.resolve(form, revision_);
    if (const Object* fields = dict.get("Fields")) {
      mark(*fields, {Kind::FieldList, 0, ""});
      const Object list = doc_.resolve(*fields, revision_);
      if (list.is(Object::Kind::Array)) {
        for (const auto& field : *list.array) walkField(field, 0);
      }
    }
  }

  void walkField(const Object& field, int depth) {
    if (depth > 16) return;
    if (field.is(Object::Kind::Ref)) {
      if (!fieldsSeen_.insert(field.ref.number).second) return;  // a /Kids cycle
      // A merged field/widget was already marked as a page's annotation; the field role is the useful one.
      roles_[field.ref.number].kind = Kind::Field;
    }
    const Object dict = doc_.resolve(field, revision_);
    if (const Object* value = dict.get("V")) mark(*value, {Kind::SignatureValue, 0, ""});
    if (const Object* appearance = dict.get("AP")) markReachable(*appearance, {Kind::Field, 0, "/AP"}, 3);
    if (const Object* kids = dict.get("Kids"); kids && kids->is(Object::Kind::Array)) {
      for (const auto& kid : *kids->array) walkField(kid, depth + 1);
    }
  }

  const pdf::Document& doc_;
  size_t revision_;
  std::map<int, ObjectRole> roles_;
  std::set<int> fieldsSeen_;
  int pageCount_ = 0;
};

}  // namespace

std::map<int, ObjectRole> mapObjectRoles(const pdf::Document& document, size_t revision) {
  return RoleMapper(document, revision).run();
}

std::string describeRole(const ObjectRole& role) {
  switch (role.kind) {
    case Kind::Catalog:
      return "the document catalog";
    case Kind::Info:
      return "the document information dictionary";
    case Kind::PageTree:
      return "the page tree";
    case Kind::Page:
      return "the page dictionary";
    case Kind::ContentStream:
      return "a content stream";
    case Kind::Resources:
      return "resources " + role.detail;
    case Kind::Font:
      return "font " + role.detail;
    case Kind::XObject:
      return "XObject " + role.detail;
    case Kind::AnnotationList:
      return "the annotation list";
    case Kind::Annotation:
      return "an annotation";
    case Kind::AcroForm:
      return "the AcroForm";
    case Kind::FieldList:
      return "the AcroForm /Fields";
    case Kind::Field:
      return "a form field";
    case Kind::SignatureValue:
      return "a signature dictionary";
    case Kind::CatalogEntry:
      return "catalog entry " + role.detail;
    case Kind::Other:
      return "an object";
  }
  return "an object";
}

}  // namespace gongwen::verify
