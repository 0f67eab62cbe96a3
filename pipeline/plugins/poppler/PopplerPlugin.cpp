// libgongwen-poppler.so: pipeline/archive/PopplerReader.h over Poppler's C++ interface.

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <mutex>

#include "pipeline/archive/PopplerReader.h"

namespace gongwen::archive {

namespace {

// Poppler has one error function per process; it hands each complaint to the collector of the
// thread that reads, and drops those no document collects.
thread_local std::vector<std::string>* collecting = nullptr;

void collect(const std::string& message, void*) {
  if (collecting != nullptr) collecting->push_back(message);
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

std::string utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

class Document : public PopplerDocument {
 public:
  explicit Document(std::unique_ptr<poppler::document> document) : document_(std::move(document)) {}

  bool encrypted() const override { return document_->is_encrypted(); }
  bool locked() const override { return document_->is_locked(); }

  std::vector<std::string> fontsNotEmbedded() const override {
    const Collecting quiet(messages_);
    std::vector<std::string> fonts;
    for (const poppler::font_info& font : document_->fonts()) {
      if (!font.is_embedded() && font.type() != poppler::font_info::type3)
        fonts.push_back(font.name().empty() ? std::string("(unnamed)") : font.name());
    }
    return fonts;
  }

  std::string info(const std::string& key) const override { return utf8(document_->info_key(key)); }

  std::string pdfVersion() const override {
    int major = 0, minor = 0;
    document_->get_pdf_version(&major, &minor);
    return std::to_string(major) + "." + std::to_string(minor);
  }

  int pages() const override { return document_->pages(); }

  std::string pageText(int index) const override {
    const Collecting quiet(messages_);
    const std::unique_ptr<poppler::page> page(document_->create_page(index));
    return page ? utf8(page->text()) : std::string();
  }

  std::string renderProblem(int index) const override {
    messages_.clear();
    const Collecting complaints(messages_);
    const std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return "Poppler cannot read the page";
    const poppler::page_renderer renderer;
    const poppler::image image = renderer.render_page(page.get(), 36.0, 36.0);
    const std::string why = firstOf(messages_);
    if (!image.is_valid() && why.empty()) return "no image";
    return why;
  }

 private:
  std::unique_ptr<poppler::document> document_;
  mutable std::vector<std::string> messages_;
};

class Reader : public PopplerReader {
 public:
  Reader() { poppler::set_debug_error_function(&collect, nullptr); }

  PopplerOpening open(const std::string& bytes) const override {
    std::vector<std::string> messages;
    std::unique_ptr<poppler::document> document;
    {
      const Collecting complaints(messages);
      document.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    }
    PopplerOpening opening;
    if (document) opening.document = std::make_unique<Document>(std::move(document));
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
