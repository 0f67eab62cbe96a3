// libgongwen-poppler.so: pipeline/archive/PopplerReader.h over Poppler's core (libpoppler-private-dev).
// poppler-cpp set Poppler's global state up and tore it down again with each document, and copied the
// bytes; here the global state lives as long as the process and the bytes are read where they are.

#include <poppler/ErrorCodes.h>
#include <poppler/FontInfo.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/splash/SplashBitmap.h>

#include "pipeline/archive/PopplerReader.h"
#include "pipeline/plugins/poppler/CoreText.h"

namespace gongwen::archive {

namespace {

// Poppler has one error function per process; it hands each complaint to the collector of the
// thread that reads, and drops those no document collects.
thread_local std::vector<std::string>* collecting = nullptr;

// Worded as poppler-cpp words it.
void collect(ErrorCategory, Goffset position, const char* message) {
  if (collecting == nullptr) return;
  collecting->push_back((position >= 0 ? "poppler/error (" + std::to_string(position) + "): "
                                       : std::string("poppler/error: ")) +
                        message);
}

// Collects into `messages` while the calling thread is in Poppler on a document's behalf.
class Collecting {
 public:
  explicit Collecting(std::vector<std::string>& messages) { collecting = &messages; }
  ~Collecting() { collecting = nullptr; }
  Collecting(const Collecting&) = delete;
  Collecting& operator=(const Collecting&) = delete;
};

std::string firstOf(const std::vector<std::string>& messages) {
  return messages.empty() ? std::string() : messages.front();
}

// A document Poppler opened, or found encrypted with a password (locked: only whether it is
// encrypted and its version can be read, as poppler-cpp's locked documents).
class Document : public PopplerDocument {
 public:
  explicit Document(std::unique_ptr<PDFDoc> document) : document_(std::move(document)) {}

  bool encrypted() const override { return document_->isEncrypted(); }
  bool locked() const override { return !document_->isOk(); }

  std::vector<std::string> fontsNotEmbedded() const override {
    if (locked()) return {};
    const Collecting quiet(messages_);
    FontInfoScanner scanner(document_.get());
    std::vector<std::string> fonts;
    for (FontInfo* scanned : scanner.scan(document_->getNumPages())) {
      const std::unique_ptr<FontInfo> font(scanned);
      // A Type 3 font is drawn by the document's own content streams, so it is always with the file.
      if (font->getEmbedded() || font->getType() == FontInfo::Type3) continue;
      const std::optional<std::string>& name = font->getName();
      fonts.push_back(name && !name->empty() ? *name : std::string("(unnamed)"));
    }
    return fonts;
  }

  std::string info(const std::string& key) const override {
    return locked() ? std::string() : infoEntry(*document_, key.c_str());
  }

  std::string pdfVersion() const override {
    return std::to_string(document_->getPDFMajorVersion()) + "." +
           std::to_string(document_->getPDFMinorVersion());
  }

  int pages() const override { return locked() ? 0 : document_->getNumPages(); }

  std::string text() const override {
    if (locked()) return "";
    const Collecting quiet(messages_);
    return pagesText(*document_);
  }

  std::string renderProblem(int index) const override {
    messages_.clear();
    const Collecting complaints(messages_);
    if (locked() || document_->getPage(index + 1) == nullptr) return "Poppler cannot read the page";
    // As poppler-cpp's page_renderer draws a page: 32-bit, on white paper.
    SplashColor paper = {0xff, 0xff, 0xff, 0xff};
    SplashOutputDev output(splashModeXBGR8, 4, false, paper, true, splashThinLineDefault);
    output.startDoc(document_.get());
    document_->displayPageSlice(&output, index + 1, 36.0, 36.0, 0, false, true, false, -1, -1, -1, -1,
                                nullptr, nullptr, nullptr, nullptr, true);
    const SplashBitmap* image = output.getBitmap();
    const std::string why = firstOf(messages_);
    const bool drawn =
        image != nullptr && image->getDataPtr() != nullptr && image->getWidth() > 0 && image->getHeight() > 0;
    if (!drawn && why.empty()) return "no image";
    return why;
  }

 private:
  std::unique_ptr<PDFDoc> document_;
  mutable std::vector<std::string> messages_;
};

class Reader : public PopplerReader {
 public:
  Reader() {
    // Never destroyed: Poppler's global state outlives every document of the process.
    static GlobalParamsIniter* const initer = new GlobalParamsIniter(&collect);
    (void)initer;
    // The first initer of a process installs its error function: a program that had a poppler-cpp
    // document open (a test's oracle) would keep poppler-cpp's.
    setErrorCallback(&collect);
  }

  PopplerOpening open(const std::string& bytes) const override {
    std::vector<std::string> messages;
    PopplerOpening opening;
    {
      const Collecting complaints(messages);
      auto document = std::make_unique<PDFDoc>(
          new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
      if (document->isOk() || document->getErrorCode() == errEncrypted)
        opening.document = std::make_unique<Document>(std::move(document));
    }
    opening.complaint = firstOf(messages);
    return opening;
  }
};

}  // namespace

}  // namespace gongwen::archive

extern "C" __attribute__((visibility("default"))) const gongwen::archive::PopplerReader*
GONGWEN_POPPLER_PLUGIN_ENTRY() {
  static const gongwen::archive::Reader reader;
  return &reader;
}
