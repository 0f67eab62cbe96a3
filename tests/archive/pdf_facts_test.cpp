// What ingest reads from a PDF through Poppler's core (PdfFacts.h): the text of every page as Poppler's
// own tools lay it out (pdftotext -layout, poppler-cpp's page::text), with each page's fonts read once
// for the whole document, and the Info entries as the PDF's text strings say.

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "pipeline/archive/PdfFacts.h"
#include "tests/archive/ArchiveFixture.h"
#include "tests/support/PdfAssembler.h"

namespace gongwen::testing {
namespace {

using archivefx::signedSample;

std::string utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The text as poppler-cpp gives it, page by page, joined with form feeds as PdfFacts joins them.
std::string popplerCppText(const std::string& pdf) {
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  std::string text;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (i > 0) text += '\f';
    text += utf8(page->text());
  }
  return text;
}

// Poppler ends each page's text with a form feed, and PdfFacts puts one more between pages.
std::string asPdftotextWritesIt(std::string text) {
  for (std::size_t at = text.find("\f\f"); at != std::string::npos; at = text.find("\f\f", at))
    text.erase(at, 1);
  return text;
}

TEST(PdfFactsTest, TheTextOfSignedSamplesIsWhatPdftotextAndPopplerCppRead) {
  // A notice of several pages with signature fields and a seal, a notice of two organs, a request.
  for (const std::string name :
       {"notice-risk-inspection", "notice-joint-work-style", "request-special-funds"}) {
    SCOPED_TRACE(name);
    TempDir dir;
    const std::string pdf = signedSample(name);
    writeFileAtomically(dir.file("signed.pdf"), pdf);
    const archive::PdfFacts facts = archive::readPdfFacts(pdf, "signed.pdf");
    ASSERT_GT(facts.pages, 0);
    EXPECT_NE(facts.text.find(facts.title.substr(0, 12)), std::string::npos) << facts.text;
    const CommandResult pdftotext =
        run({"pdftotext", "-layout", "-enc", "UTF-8", dir.file("signed.pdf"), "-"});
    ASSERT_EQ(pdftotext.exitCode, 0) << pdftotext.err;
    EXPECT_EQ(asPdftotextWritesIt(facts.text), pdftotext.out);
    EXPECT_EQ(facts.text, popplerCppText(pdf));
  }
}

// A text string not in UTF-16 is in PDFDocEncoding, where 0x8D and 0x8E are the curly double quotes
// and 0xA0 the euro sign (ISO 32000-1, D.2), as pdfinfo reads them; not the C1 controls and the
// no-break space of Latin-1.
TEST(PdfFactsTest, AnInfoEntryInPdfDocEncodingReadsAsItsCharacters) {
  const std::string pdf =
      assemblePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                   "<< /Title (\215Plan\216 \2402026) /Author (Bureau) >>"},
                  "/Root 1 0 R /Info 4 0 R");
  const archive::PdfFacts facts = archive::readPdfFacts(pdf, "plan.pdf");
  EXPECT_EQ(facts.title, "\u201CPlan\u201D \u20AC2026");
  EXPECT_EQ(facts.organ, "Bureau");
  EXPECT_EQ(facts.pages, 1);
  EXPECT_EQ(facts.pdfVersion, "1.7");
}

TEST(PdfFactsTest, WhatPopplerCannotOpenIsRefused) {
  try {
    archive::readPdfFacts("%PDF-1.7\nnot a document at all", "broken.pdf");
    FAIL() << "a broken PDF was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "archive.pdf-unreadable");
  }
}

}  // namespace
}  // namespace gongwen::testing
