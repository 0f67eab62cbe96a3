#pragma once
// A PDF as Poppler's core reads it (libpoppler-private-dev), for what the archive asks of an
// independent reader: the Info entries, the text of every page, whether it opens. poppler-cpp cannot
// be kept to this: each of its documents set Poppler's global state up and tore it down again, it
// copies the bytes, and it reads a page's fonts afresh for every page. Here the global state lives as
// long as the process, the bytes are read where they are, and the font dictionaries are parsed once
// per document.

#include <poppler/PDFDoc.h>

#include <memory>
#include <string>
#include <vector>

namespace gongwen::archive {

// Poppler's global state (GlobalParams), made once for the process; every use of Poppler here, core
// or poppler-cpp, calls this first. Poppler's complaints go to the PopplerErrors of the reading
// thread, or nowhere.
void keepPopplerReady();

// Collects what Poppler complains about on this thread while it lives, instead of Poppler's lines
// on stderr.
class PopplerErrors {
 public:
  PopplerErrors();
  ~PopplerErrors();
  PopplerErrors(const PopplerErrors&) = delete;
  PopplerErrors& operator=(const PopplerErrors&) = delete;

  // The first complaint since the last call, or "".
  std::string take();

 private:
  std::vector<std::string> messages_;
};

// `bytes` is read in place: it must outlive the document. Check isOk() (and isEncrypted()).
std::unique_ptr<PDFDoc> openPdf(const std::string& bytes);

// An Info entry as UTF-8 (a PDF text string: UTF-16BE with its mark, or PDFDocEncoding), "" when
// absent.
std::string infoEntry(PDFDoc& document, const char* key);

// The text of every page as Poppler lays it out physically (what poppler-cpp's page::text gives),
// pages separated by form feeds.
std::string pagesText(PDFDoc& document);

}  // namespace gongwen::archive
