#include "pipeline/pdf/PdfWriter.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/ContentStream.h"
#include "pipeline/pdf/DocumentInfo.h"
#include "pipeline/pdf/FontEmbedder.h"
#include "pipeline/pdf/PdfObjectWriter.h"
#include "pipeline/pdf/SealFields.h"
#include "pipeline/pdf/StreamCompression.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::pdf {
namespace {

// A page whose number and content are written, waiting for its fonts' numbers.
struct PendingPage {
  unsigned number = 0;
  unsigned content = 0;
  std::set<FaceKey> roles;
  std::vector<unsigned> widgets;
};

std::string pageObject(const PendingPage& page, unsigned parent, const std::string& mediaBox,
                       const std::map<FaceKey, unsigned>& fontObjects) {
  DictionaryWriter fonts;
  for (const FaceKey& role : page.roles) fonts.add(fontResourceName(role), reference(fontObjects.at(role)));
  DictionaryWriter dictionary;
  dictionary.add("Type", pdfName("Page"))
      .add("Parent", reference(parent))
      .add("MediaBox", mediaBox)
      .add("Contents", reference(page.content))
      // Resources are required on every page (PDF 32000 §7.7.3.3), even one without text.
      .add("Resources", DictionaryWriter().add("Font", fonts.text()).text());
  if (!page.widgets.empty()) {
    std::vector<std::string> annots;
    for (unsigned widget : page.widgets) annots.push_back(reference(widget));
    dictionary.add("Annots", array(annots));
  }
  return dictionary.text();
}

}  // namespace

std::string writePdf(const layout::Frames& frames, const fonts::FontLibrary& fonts,
                     const PdfOptions& options) {
  if (frames.pages.empty()) {
    throw inputError("pdf.no-pages", "the layout produced no pages; there is nothing to write");
  }
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
  std::size_t programBytes = 0;
  for (const auto& [role, glyphs] : drawn) {
    const SubsetFont& font = subsets[role] = subsetFont(fonts.face(role.role, role.face), glyphs);
    codes[role] = font.codes;
    programBytes += font.program.size();
  }

  // The font programs are nearly all of the file; the rest fits in the slack.
  PdfObjectWriter writer(programBytes + 64 * 1024);
  const unsigned catalog = writer.reserve();
  const unsigned info = writer.reserve();
  const unsigned pageTree = writer.reserve();
  SealFieldWriter sealFields(writer);
  std::vector<PendingPage> pages;
  pageNumber = 0;
  for (const layout::Page& page : frames.pages) {
    PageContent content = buildPageContent(page, fonts, codes);
    PendingPage& pending = pages.emplace_back();
    pending.number = writer.reserve();
    pending.content = writer.add(
        streamBody(DictionaryWriter().add("Filter", pdfName("FlateDecode")), deflated(content.operators)));
    pending.roles = std::move(content.roles);
    pending.widgets = sealFields.addFields(pending.number, ++pageNumber, page.sealFields);
  }

  const ObjectSink sink{[&writer] { return writer.reserve(); },
                        [&writer](unsigned number, const std::string& body) { writer.write(number, body); }};
  std::map<FaceKey, unsigned> fontObjects;
  for (const auto& [role, font] : subsets) {
    fontObjects[role] = embedFont(sink, fonts.face(role.role, role.face), font);
  }

  const std::string mediaBox = array({"0", "0", real(frames.pageWidth), real(frames.pageHeight)});
  std::vector<std::string> kids;
  for (const PendingPage& page : pages) {
    writer.write(page.number, pageObject(page, pageTree, mediaBox, fontObjects));
    kids.push_back(reference(page.number));
  }
  writer.write(pageTree, DictionaryWriter()
                             .add("Type", pdfName("Pages"))
                             .add("Kids", array(kids))
                             .add("Count", integer(static_cast<long long>(kids.size())))
                             .text());
  DictionaryWriter catalogDictionary;
  catalogDictionary.add("Type", pdfName("Catalog")).add("Pages", reference(pageTree));
  if (const auto form = sealFields.finish()) catalogDictionary.add("AcroForm", reference(*form));
  writer.write(catalog, catalogDictionary.text());
  const std::string infoDictionary =
      documentInfo(frames.info, options.fixedTime.value_or(std::time(nullptr)));
  writer.write(info, infoDictionary);
  return writer.finish(catalog, info, trailerId(options.fixedId, infoDictionary));
}

}  // namespace gongwen::pdf
