// The written PDF read back by independent tools: qpdf for structure, pdftotext for text,
// poppler-cpp for where each character landed.

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <cmath>
#include <memory>

#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"
#include "tests/support/TestSupport.h"

namespace gongwen::pdf {
namespace {

using gongwen::testing::run;
using gongwen::testing::TempDir;
using gongwen::testing::withoutWhitespace;

class WrittenNotice : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    frames_ = new layout::Frames(testing::sampleNotice(testing::defaultFonts()));
    bytes_ = new std::string(writePdf(*frames_, testing::defaultFonts()));
  }
  static void TearDownTestSuite() {
    delete bytes_;
    delete frames_;
  }

  std::string writtenFile() const { return testing::saved(dir_, *bytes_); }

  TempDir dir_;
  static inline layout::Frames* frames_ = nullptr;
  static inline std::string* bytes_ = nullptr;
};

TEST_F(WrittenNotice, QpdfFindsNoErrors) {
  const auto result = run({"qpdf", "--check", writtenFile()});
  EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("No syntax or stream encoding errors found"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST_F(WrittenNotice, PdftotextGivesBackTheText) {
  const auto result = run({"pdftotext", "-enc", "UTF-8", writtenFile(), "-"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(withoutWhitespace(result.out), withoutWhitespace(testing::drawnText(*frames_)));
}

struct ExtractedChar {
  char16_t ch;
  poppler::rectf box;  // top-left origin
};

std::vector<ExtractedChar> extractedChars(const poppler::page& page) {
  std::vector<ExtractedChar> chars;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::ustring text = box.text();
    for (size_t i = 0; i < text.size(); ++i)
      chars.push_back({static_cast<char16_t>(text[i]), box.char_bbox(i)});
  }
  return chars;
}

TEST_F(WrittenNotice, EveryCharacterIsWhereLayoutPutIt) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes_->data(), static_cast<int>(bytes_->size())));
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->pages(), 2);
  for (int p = 0; p < doc->pages(); ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    const layout::Page& drawn = frames_->pages[static_cast<size_t>(p)];
    size_t expected = 0;
    for (const auto& r : drawn.runs) {
      for (const auto& c : r.chars) expected += c.ch != U' ';
    }
    const auto chars = extractedChars(*page);
    EXPECT_EQ(chars.size(), expected) << "page " << p + 1;
    for (const ExtractedChar& got : chars) {
      bool found = false;
      for (const auto& r : drawn.runs) {
        const double baselineFromTop = frames_->pageHeight - r.baseline;
        for (const auto& c : r.chars) {
          found =
              found || (static_cast<char16_t>(c.ch) == got.ch && std::abs(got.box.x() - c.x) <= 0.5 &&
                        got.box.y() < baselineFromTop && got.box.y() + got.box.height() > baselineFromTop);
        }
      }
      EXPECT_TRUE(found) << "page " << p + 1 << ": U+" << std::hex << static_cast<unsigned>(got.ch)
                         << " at x " << got.box.x() << ", top " << got.box.y() << " was not drawn there";
    }
  }
}

TEST_F(WrittenNotice, PageSizeIsA4) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes_->data(), static_cast<int>(bytes_->size())));
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  EXPECT_NEAR(page->page_rect().width(), 595.276, 0.01);
  EXPECT_NEAR(page->page_rect().height(), 841.890, 0.01);
}

}  // namespace
}  // namespace gongwen::pdf
