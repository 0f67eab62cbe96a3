#include "pipeline/archive/EmbeddedFonts.h"

#include <optional>
#include <set>

#include "signing/verify/PdfRevisions.h"

namespace gongwen::archive {

namespace {

using verify::pdf::Object;

bool isFontDictionary(const Object& value) {
  static const std::set<std::string> kSubtypes = {"Type0",        "Type1",        "MMType1", "TrueType",
                                                  "CIDFontType0", "CIDFontType2", "Type3"};
  if (!value.isDictLike()) return false;
  const Object* type = value.get("Type");
  const Object* subtype = value.get("Subtype");
  return (type == nullptr || type->isName("Font")) && subtype != nullptr && subtype->is(Object::Kind::Name) &&
         kSubtypes.count(subtype->text) > 0 && (type != nullptr || value.get("BaseFont") != nullptr);
}

class FontWalk {
 public:
  explicit FontWalk(const verify::pdf::Document& document)
      : document_(document), last_(document.revisions().size() - 1) {}

  std::optional<std::vector<std::string>> run() {
    std::set<int> numbers;
    for (const verify::pdf::Revision& revision : document_.revisions()) {
      for (const auto& entry : revision.entries) numbers.insert(entry.first);
    }
    for (int number : numbers) {
      const std::optional<Object> object = document_.object(number, last_);
      if (!object) continue;
      // Objects packed in an object stream are not the parser's to read: the walk would miss fonts.
      const Object* type = object->isDictLike() ? object->get("Type") : nullptr;
      if (type != nullptr && (type->isName("ObjStm") || type->isName("XRef"))) return std::nullopt;
      visit(*object, 0);
    }
    return std::vector<std::string>(missing_.begin(), missing_.end());
  }

 private:
  // Nested values are walked too: a font dictionary may sit directly in a page's resources.
  void visit(const Object& value, int depth) {
    if (depth > 32) return;  // the parser's own nesting limit is lower; this only bounds the walk
    if (isFontDictionary(value)) check(value);
    if (value.isDictLike()) {
      for (const auto& entry : *value.dict) visit(entry.second, depth + 1);
    } else if (value.is(Object::Kind::Array) && value.array) {
      for (const Object& item : *value.array) visit(item, depth + 1);
    }
  }

  void check(const Object& font) {
    const Object* subtype = font.get("Subtype");
    if (subtype->isName("Type3")) return;
    if (subtype->isName("Type0")) {
      // The descendant holds the descriptor; an indirect one is also checked as an object of its own.
      const Object* descendants = font.get("DescendantFonts");
      const Object list = descendants ? document_.resolve(*descendants, last_) : Object{};
      if (!list.is(Object::Kind::Array) || !list.array || list.array->empty()) {
        missing_.insert(nameOf(font));
        return;
      }
      const Object descendant = document_.resolve(list.array->front(), last_);
      if (!descendant.isDictLike()) missing_.insert(nameOf(font));
      return;
    }
    const Object* given = font.get("FontDescriptor");
    const Object descriptor = given ? document_.resolve(*given, last_) : Object{};
    for (const char* program : {"FontFile", "FontFile2", "FontFile3"}) {
      const Object* file = descriptor.isDictLike() ? descriptor.get(program) : nullptr;
      if (file != nullptr && document_.resolve(*file, last_).is(Object::Kind::Stream)) return;
    }
    missing_.insert(nameOf(font));
  }

  std::string nameOf(const Object& font) const {
    const std::string name = verify::pdf::textOf(font.get("BaseFont"));
    return name.empty() ? "(unnamed)" : name;
  }

  const verify::pdf::Document& document_;
  std::size_t last_;
  std::set<std::string> missing_;
};

}  // namespace

std::optional<std::vector<std::string>> fontsNotEmbedded(const std::string& pdfBytes,
                                                         const std::string& fileName) {
  const verify::pdf::Document document(pdfBytes, fileName);
  return FontWalk(document).run();
}

}  // namespace gongwen::archive
