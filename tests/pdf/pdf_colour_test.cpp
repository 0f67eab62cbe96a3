// Colours as a renderer draws them: poppler's own rasteriser, sampled where layout put things.

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>

#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"

namespace gongwen::pdf {
namespace {

constexpr double kDpi = 144;

struct Pixel {
  int r, g, b;
  bool red() const { return r > 180 && g < 100 && b < 100; }
  bool dark() const { return r < 100 && g < 100 && b < 100; }
};

class RenderedPage {
 public:
  RenderedPage(const std::string& pdf, int pageIndex, double pageHeight) : pageHeight_(pageHeight) {
    doc_.reset(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    std::unique_ptr<poppler::page> page(doc_->create_page(pageIndex));
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_rgb24);
    image_ = renderer.render_page(page.get(), kDpi, kDpi);
  }

  // Counts the pixels inside a box given in PDF points (bottom-left origin).
  std::pair<int, int> redAndDark(double x1, double y1, double x2, double y2) const {
    int red = 0, dark = 0;
    const double scale = kDpi / 72;
    for (int py = static_cast<int>((pageHeight_ - y2) * scale); py < (pageHeight_ - y1) * scale; ++py) {
      for (int px = static_cast<int>(x1 * scale); px < x2 * scale; ++px) {
        const auto* row =
            reinterpret_cast<const unsigned char*>(image_.const_data()) + py * image_.bytes_per_row();
        const Pixel p{row[px * 3], row[px * 3 + 1], row[px * 3 + 2]};
        red += p.red();
        dark += p.dark();
      }
    }
    return {red, dark};
  }

 private:
  std::unique_ptr<poppler::document> doc_;
  poppler::image image_;
  double pageHeight_;
};

TEST(PdfColour, RedTextAndRuleAreRedAndBodyTextIsBlack) {
  const auto& fonts = testing::defaultFonts();
  const layout::Frames frames = testing::sampleNotice(fonts);
  const RenderedPage page(writePdf(frames, fonts), 0, frames.pageHeight);

  const auto [organRed, organDark] = page.redAndDark(198, 716, 400, 740);  // 某某市人民政府文件, 22 pt at 720
  EXPECT_GT(organRed, 500);
  EXPECT_EQ(organDark, 0);

  const auto [ruleRed, ruleDark] = page.redAndDark(100, 649, 500, 651);  // the red rule at y 650
  EXPECT_GT(ruleRed, 500);
  EXPECT_EQ(ruleDark, 0);

  const auto [bodyRed, bodyDark] = page.redAndDark(79, 556, 320, 574);  // 各区县人民政府…, 16 pt at 560
  EXPECT_EQ(bodyRed, 0);
  EXPECT_GT(bodyDark, 500);

  const auto [blankRed, blankDark] = page.redAndDark(79, 200, 500, 400);  // nothing drawn there
  EXPECT_EQ(blankRed + blankDark, 0);
}

}  // namespace
}  // namespace gongwen::pdf
