#include "pipeline/pdf/PdfWriter.h"

#include <podofo/podofo.h>

#include <ostream>
#include <streambuf>
#include <string>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/ContentStream.h"
#include "pipeline/pdf/DocumentInfo.h"
#include "pipeline/pdf/FontEmbedder.h"
#include "pipeline/pdf/PdfValues.h"
#include "pipeline/pdf/SealFields.h"

namespace gongwen::pdf {
namespace {

using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;

// PoDoFo 0.9.8 prints the trailer of every document it loads unless told not to; switched off
// once, before the first document.
void quietPodofo() {
  static const bool quiet = [] {
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    return true;
  }();
  (void)quiet;
}

// Resources are required on every page (PDF 32000 §7.7.3.3), even one without text.
void writeResources(PdfObject& page, const std::set<FaceKey>& roles,
                    const std::map<FaceKey, PdfObject*>& fontObjects) {
  PdfDictionary fontDict;
  for (const FaceKey& role : roles) {
    fontDict.AddKey(PdfName(fontResourceName(role)), fontObjects.at(role)->Reference());
  }
  PdfDictionary resources;
  resources.AddKey("Font", fontDict);
  page.GetDictionary().AddKey("Resources", resources);
}

// Appends what is written to a string reserved up front: an ostringstream grew its buffer by
// doubling, each time into fresh memory, and str() copied the whole file once more (a sixth of a
// two-page notice's heap page faults).
class StringSink : public std::streambuf {
 public:
  explicit StringSink(std::string& out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<size_t>(n));
    return n;
  }

 private:
  std::string& out_;
};

std::string serialized(PoDoFo::PdfMemDocument& document) {
  // The streams are nearly all of the file; the dictionaries, the cross-reference table and the
  // trailer fit in the slack. Memory reserved and never written costs nothing.
  size_t streamBytes = 0;
  for (const PdfObject* object : document.GetObjects()) {
    if (object->HasStream()) streamBytes += static_cast<size_t>(object->GetStream()->GetLength());
  }
  std::string bytes;
  bytes.reserve(streamBytes + streamBytes / 8 + 64 * 1024);
  StringSink sink(bytes);
  std::ostream out(&sink);
  PoDoFo::PdfOutputDevice device(&out);
  document.Write(&device);
  device.Flush();
  return bytes;
}

std::string writeDocument(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                          const PdfOptions& options) {
  PoDoFo::PdfMemDocument document;
  SealFieldWriter sealFields(document);

  // Codes depend on the subsets (glyph ids are renumbered), and the subsets on every glyph the
  // document draws: collect the glyphs first, subset, then write the pages.
  DrawnGlyphsByRole drawn;
  int pageNumber = 0;
  for (const layout::Page& page : frames.pages) collectGlyphs(page, ++pageNumber, fonts, drawn);

  // Subsetting and compressing are most of the writer's time. They run on this thread: a thread
  // per role hid that CPU time in wall time but cost 0.4 ms more CPU per notice (thread start-up,
  // cold caches), and the target is CPU on one core; batch runs parallelise across documents.
  std::map<FaceKey, SubsetFont> subsets;
  CodesByRole codes;
  for (const auto& [role, glyphs] : drawn) {
    const SubsetFont& font = subsets[role] = subsetFont(fonts.face(role.role, role.face), glyphs);
    codes[role] = font.codes;
  }

  // The pages go into the page tree together at the end: PoDoFo 0.9.8's CreatePage walks and copies
  // the whole /Kids array for every page it adds, which made a long document quadratic.
  std::vector<std::pair<PdfObject*, std::set<FaceKey>>> pages;
  std::vector<PdfObject*> pageObjects;
  pageNumber = 0;
  for (const layout::Page& page : frames.pages) {
    ++pageNumber;
    PageContent content = buildPageContent(page, fonts, codes);
    PoDoFo::PdfPage pdfPage(PoDoFo::PdfRect(0, 0, frames.pageWidth, frames.pageHeight), &document);
    setFlateStream(*pdfPage.GetContents(), content.operators);
    sealFields.addFields(pdfPage, pageNumber, page.sealFields);
    pages.emplace_back(pdfPage.GetObject(), std::move(content.roles));
    pageObjects.push_back(pdfPage.GetObject());
  }
  document.GetPagesTree()->InsertPages(PoDoFo::ePdfPageInsertionPoint_InsertBeforeFirstPage, pageObjects);

  std::map<FaceKey, PdfObject*> fontObjects;
  for (const auto& [role, font] : subsets)
    fontObjects[role] = embedFont(document.GetObjects(), fonts.face(role.role, role.face), font);
  for (auto& [pageObject, roles] : pages) writeResources(*pageObject, roles, fontObjects);
  sealFields.finish();
  writeDocumentInfo(document, frames.info, options.fixedTime.value_or(std::time(nullptr)));

  std::string bytes = serialized(document);
  if (!options.fixedId.empty()) fixTrailerId(bytes, options.fixedId);
  return bytes;
}

}  // namespace

std::string writePdf(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                     const PdfOptions& options) {
  if (frames.pages.empty()) {
    throw inputError("pdf.no-pages", "the layout produced no pages; there is nothing to write");
  }
  quietPodofo();
  try {
    return writeDocument(frames, fonts, options);
  } catch (const PoDoFo::PdfError& e) {
    // PoDoFo's errors are not std::exceptions; the CLI only knows gongwen::Error.
    throw systemError("pdf.write", std::string("PoDoFo could not build the PDF: ") +
                                       PoDoFo::PdfError::ErrorName(e.GetError()) +
                                       "; this is a bug, report it");
  }
}

}  // namespace gongwen::pdf
