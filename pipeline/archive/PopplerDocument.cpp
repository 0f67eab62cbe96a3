#include "pipeline/archive/PopplerDocument.h"

#include <poppler/GlobalParams.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/UTF.h>
#include <poppler/XRef.h>
#include <poppler/cpp/poppler-global.h>

#include <mutex>
#include <set>

namespace gongwen::archive {

namespace {

// Poppler has one error function per process; it hands each complaint to the collector of the
// thread that reads.
thread_local std::vector<std::string>* collecting = nullptr;

void collect(const std::string& message) {
  if (collecting != nullptr) collecting->push_back(message);
}

// The core's route, worded as poppler-cpp words it.
void collectCore(ErrorCategory, Goffset position, const char* message) {
  collect((position >= 0 ? "poppler/error (" + std::to_string(position) + "): "
                         : std::string("poppler/error: ")) +
          message);
}

// poppler-cpp's route, for its documents made while another holds the global state (the deep
// audit renders with poppler-cpp).
void collectCpp(const std::string& message, void*) { collect(message); }

void appendText(void* stream, const char* text, int length) {
  static_cast<std::string*>(stream)->append(text, static_cast<std::size_t>(length));
}

void appendUtf8(std::string& out, Unicode c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x110000) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += "\xEF\xBF\xBD";  // U+FFFD: no character
  }
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

void keepPopplerReady() {
  static std::once_flag ready;
  std::call_once(ready, [] {
    poppler::set_debug_error_function(&collectCpp, nullptr);
    // Never destroyed: Poppler's global state outlives every document of the process.
    static GlobalParamsIniter* const initer = new GlobalParamsIniter(&collectCore);
    (void)initer;
  });
}

PopplerErrors::PopplerErrors() {
  keepPopplerReady();
  collecting = &messages_;
}

PopplerErrors::~PopplerErrors() { collecting = nullptr; }

std::string PopplerErrors::take() {
  std::string first = messages_.empty() ? std::string() : messages_.front();
  messages_.clear();
  return first;
}

std::unique_ptr<PDFDoc> openPdf(const std::string& bytes) {
  keepPopplerReady();
  return std::make_unique<PDFDoc>(
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
}

std::string infoEntry(PDFDoc& document, const char* key) {
  const std::unique_ptr<GooString> value = document.getDocInfoStringEntry(key);
  if (!value) return "";
  Unicode* characters = nullptr;
  const int length = TextStringToUCS4(value->toStr(), &characters);
  std::string text;
  for (int i = 0; i < length; ++i) appendUtf8(text, characters[i]);
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
