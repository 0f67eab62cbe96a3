#pragma once
// The archive's independent reader: a PDF as Poppler reads it. Poppler and the libraries it brings
// (NSS, GnuTLS, lcms, libtiff …) live in the plugin libgongwen-poppler.so
// (pipeline/plugins/poppler/), loaded on first use (pipeline/core/Plugin.h), so that only the
// commands that read archived PDFs pay for loading them.
//
// Poppler's complaints about a file never reach standard error: each document collects those made
// while the calling thread works on it, and a document is used by one thread at a time.

#include <memory>
#include <string>
#include <vector>

// The plugin's entry point; its name changes with this interface, so that a plugin of another build
// is refused.
#define GONGWEN_POPPLER_PLUGIN_ENTRY gongwen_poppler_plugin_v2

namespace gongwen::archive {

class PopplerDocument {
 public:
  virtual ~PopplerDocument() = default;
  virtual bool encrypted() const = 0;
  virtual bool locked() const = 0;
  // The names (or "(unnamed)") of the fonts the pages use without their program; a Type 3 font is
  // drawn by the document's own content streams and never counts.
  virtual std::vector<std::string> fontsNotEmbedded() const = 0;
  // An entry of the Info dictionary in UTF-8, "" when absent.
  virtual std::string info(const std::string& key) const = 0;
  virtual std::string pdfVersion() const = 0;  // "1.7"
  virtual int pages() const = 0;
  // The text of every page in UTF-8 as Poppler lays it out physically (pdftotext -layout), pages
  // separated by form feeds, a page Poppler cannot read as "". One call for the whole document, so
  // that the fonts the pages share are read once, not once a page.
  virtual std::string text() const = 0;
  // Renders page `index` at low resolution (whether its content can be drawn, not how sharply):
  // "" when it renders, otherwise what went wrong (Poppler's first complaint).
  virtual std::string renderProblem(int index) const = 0;
};

struct PopplerOpening {
  std::unique_ptr<PopplerDocument> document;  // null when Poppler cannot open the bytes
  std::string complaint;                      // Poppler's first complaint while opening, or ""
};

// What the plugin provides.
class PopplerReader {
 public:
  virtual PopplerOpening open(const std::string& bytes) const = 0;

 protected:
  ~PopplerReader() = default;
};

// Opens `bytes`, which must outlive the document. Throws Error(System, "plugin.missing") when the
// plugin cannot be loaded.
PopplerOpening openWithPoppler(const std::string& bytes);

}  // namespace gongwen::archive
