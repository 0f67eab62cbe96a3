#pragma once
// What each indirect object is for, as of one revision: the catalog, a page, its content streams,
// fonts, resources and annotations, the AcroForm and its fields. The diff uses it both to apply
// the whitelist and to say in a report which page and what kind of thing a change touched.

#include <map>
#include <string>

#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify {

struct ObjectRole {
  enum class Kind {
    Catalog,
    Info,
    PageTree,
    Page,
    ContentStream,
    Resources,
    Font,
    XObject,
    AnnotationList,
    Annotation,
    AcroForm,
    FieldList,
    Field,
    SignatureValue,
    CatalogEntry,
    Other
  };
  Kind kind = Kind::Other;
  int page = 0;        // 1-based, 0 when not a page's
  std::string detail;  // resource name (/F1), catalog key, …
};

std::map<int, ObjectRole> mapObjectRoles(const pdf::Document& document, size_t revision);

// "font /F1", "content stream", … for messages.
std::string describeRole(const ObjectRole& role);

}  // namespace gongwen::verify
