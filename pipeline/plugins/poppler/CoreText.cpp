#include "pipeline/plugins/poppler/CoreText.h"

#include <poppler/GlobalParams.h>
#include <poppler/Page.h>
#include <poppler/TextOutputDev.h>
#include <poppler/UTF.h>
#include <poppler/UnicodeMap.h>
#include <poppler/XRef.h>

#include <set>

namespace gongwen::archive {

namespace {

void appendText(void* stream, const char* text, int length) {
  static_cast<std::string*>(stream)->append(text, static_cast<std::size_t>(length));
}

// Poppler parses an indirect object again at every fetch, and builds every font of a page's
// resources afresh for each page: a CJK font's descendant, with a width array of kilobytes, was
// parsed twice a page. Each font dictionary is parsed here once and kept in the XRef as parsed
// (XRef::fetch hands out a shared copy of a kept object), for the pages to share. Only dictionaries
// are kept: a stream has a read position of its own. The document is never saved.
class FontObjectKeeper {
 public:
  explicit FontObjectKeeper(PDFDoc& document) : document_(document), xref_(*document.getXRef()) {}

  void run() {
    for (int p = 1; p <= document_.getNumPages(); ++p) {
      Page* page = document_.getPage(p);
      Dict* resources = page ? page->getResourceDict() : nullptr;
      if (resources == nullptr) continue;
      const Object fonts = resources->lookup("Font");
      if (!fonts.isDict()) continue;
      for (int i = 0; i < fonts.dictGetLength(); ++i) {
        const Object font = keep(fonts.dictGetValNF(i));
        if (!font.isDict()) continue;
        keep(font.dictLookupNF("FontDescriptor"));
        const Object descendants = keep(font.dictLookupNF("DescendantFonts"));
        if (!descendants.isArray()) continue;
        for (int d = 0; d < descendants.arrayGetLength(); ++d) {
          const Object descendant = keep(descendants.arrayGetNF(d));
          if (descendant.isDict()) keep(descendant.dictLookupNF("FontDescriptor"));
        }
      }
    }
  }

 private:
  // The object `value` names, kept parsed when it is an indirect dictionary or array.
  Object keep(const Object& value) {
    if (!value.isRef()) return value.copy();
    const Ref ref = value.getRef();
    Object object = xref_.fetch(ref);
    if (!(object.isDict() || object.isArray()) || !kept_.insert(ref.num).second) return object;
    // Only the generation the XRef holds: a reference with another one still fetches nothing.
    const XRefEntry* entry = xref_.getEntry(ref.num, false);
    if (entry != nullptr && entry->gen == ref.gen) xref_.setModifiedObject(&object, ref);
    return object;
  }

  PDFDoc& document_;
  XRef& xref_;
  std::set<int> kept_;
};

}  // namespace

std::string infoEntry(PDFDoc& document, const char* key) {
  const std::unique_ptr<GooString> value = document.getDocInfoStringEntry(key);
  if (!value) return "";
  Unicode* characters = nullptr;
  const int length = TextStringToUCS4(value->toStr(), &characters);
  // Made once: GlobalParams makes its map on first use without a lock, and documents are read on
  // several threads.
  static const UnicodeMap* const utf8 = globalParams->getUtf8Map();
  std::string text;
  char bytes[8];
  for (int i = 0; i < length; ++i)
    text.append(bytes, static_cast<std::size_t>(utf8->mapUnicode(characters[i], bytes, sizeof bytes)));
  gfree(characters);
  return text;
}

std::string pagesText(PDFDoc& document) {
  FontObjectKeeper(document).run();
  std::string text;
  for (int p = 1; p <= document.getNumPages(); ++p) {
    if (p > 1) text += '\f';
    if (document.getPage(p) == nullptr) continue;
    TextOutputDev output(&appendText, &text, true, 0, false);
    document.displayPage(&output, p, 72, 72, 0, false, true, false);
  }
  return text;
}

}  // namespace gongwen::archive
