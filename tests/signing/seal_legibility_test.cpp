// The seal presses on the 署名 and 成文日期 like red ink on paper: sample jobs rendered by `gongwen
// render` and sealed through their chains by `gongwen sign`, then drawn by Poppler at 150 dpi. The
// text under the seal stays black where the unsigned page had it black, the seal is red around it,
// and the seal's picture is print quality (pdfimages: at least 600 pixels per inch where it is
// placed).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "tests/signing/SampleChains.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/support/PdfInspect.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

constexpr double kDpi = 150;

// The sample rendered and signed through its chain, once per test program.
struct SealedSample {
  std::string unsignedPath, signedPath;
};

const SealedSample& sealed(const std::string& job) {
  static TempDir work;
  static std::map<std::string, SealedSample> made;
  if (auto found = made.find(job); found != made.end()) return found->second;
  SealedSample sample{work.file(job + ".pdf"), work.file(job + "-signed.pdf")};
  const CommandResult render =
      run({gongwenBinary(), "render", sourcePath("samples/jobs/" + job + ".xml"), "-o", sample.unsignedPath});
  if (render.exitCode != 0) throw std::runtime_error("render " + job + ": " + render.err);
  const std::string pdf = readFile(sample.unsignedPath);
  const verify::pdf::Document rendered(pdf, job);
  const auto info = rendered.resolve(*rendered.revisions().back().trailer.get("Info"), 0);
  writeFileAtomically(sample.signedPath,
                      signThroughChain(pdf, verify::pdf::textOf(info.get("GongwenChain"))));
  return made.emplace(job, sample).first->second;
}

struct PixelBox {
  int left = 0, top = 0, right = -1, bottom = -1;  // inclusive; empty when right < left
  bool empty() const { return right < left; }
  bool intersects(const PixelBox& o) const {
    return !empty() && !o.empty() && left <= o.right && o.left <= right && top <= o.bottom && o.top <= bottom;
  }
};

// Where the seals were added: pixels red in the signed page that were not red before signing.
PixelBox sealFootprint(const Raster& before, const Raster& after) {
  PixelBox box{after.width, after.height, -1, -1};
  for (int y = 0; y < after.height; ++y) {
    for (int x = 0; x < after.width; ++x) {
      const size_t at = static_cast<size_t>(y) * after.width + x;
      if (after.redness[at] > 100 && before.redness[at] < 30) {
        box.left = std::min(box.left, x);
        box.top = std::min(box.top, y);
        box.right = std::max(box.right, x);
        box.bottom = std::max(box.bottom, y);
      }
    }
  }
  return box;
}

PixelBox pixelsOf(const CharBox& c, const Raster& r) {
  const auto px = [&](double pt) { return static_cast<int>(pt * r.dpi / 72.0); };
  return {std::max(0, px(c.left)), std::max(0, px(c.top)), std::min(r.width - 1, px(c.right)),
          std::min(r.height - 1, px(c.bottom))};
}

bool black(const Raster& r, size_t at) { return r.grey[at] < 60 && r.redness[at] < 60; }

class SealOverText : public ::testing::TestWithParam<std::string> {};

TEST_P(SealOverText, TextUnderTheSealStaysBlackAndTheSealStaysRed) {
  const SealedSample& sample = sealed(GetParam());
  const PdfInspect before(sample.unsignedPath), after(sample.signedPath);
  ASSERT_EQ(before.pages(), after.pages());
  int charsUnderSeals = 0;
  for (int page = 0; page < after.pages(); ++page) {
    const Raster plain = before.render(page, kDpi), inked = after.render(page, kDpi);
    const PixelBox seal = sealFootprint(plain, inked);
    if (seal.empty()) continue;
    long red = 0;
    for (int y = seal.top; y <= seal.bottom; ++y) {
      for (int x = seal.left; x <= seal.right; ++x)
        red += inked.redness[static_cast<size_t>(y) * inked.width + x] > 100;
    }
    const long area = long(seal.right - seal.left + 1) * (seal.bottom - seal.top + 1);
    EXPECT_GT(red, area / 20) << "page " << page + 1 << ": the seal is not visibly red";

    long textPixels = 0, keptBlack = 0, redInTextBoxes = 0;
    for (const CharBox& c : after.chars(page)) {
      const PixelBox box = pixelsOf(c, inked);
      if (!box.intersects(seal)) continue;
      ++charsUnderSeals;
      long charText = 0, charKept = 0;
      for (int y = box.top; y <= box.bottom; ++y) {
        for (int x = box.left; x <= box.right; ++x) {
          const size_t at = static_cast<size_t>(y) * inked.width + x;
          redInTextBoxes += inked.redness[at] > 100;
          if (!black(plain, at)) continue;
          ++charText;
          charKept += black(inked, at);
        }
      }
      EXPECT_GE(charKept * 100, charText * 95)
          << "page " << page + 1 << ": " << c.text << " under the seal loses " << charText - charKept
          << " of " << charText << " black pixels";
      textPixels += charText;
      keptBlack += charKept;
    }
    EXPECT_GE(keptBlack * 100, textPixels * 99) << "page " << page + 1;
    // The seal does lie over the text, and is drawn over it, not hidden behind it.
    EXPECT_GT(redInTextBoxes, 0) << "page " << page + 1 << ": no seal ink among the characters under it";
  }
  // The 署名 and the 成文日期 (at least "年月日") lie under the seals.
  EXPECT_GE(charsUnderSeals, 5);
}

TEST_P(SealOverText, TheSealImageHasAtLeast600PixelsPerInchWhereItIsPlaced) {
  const CommandResult list = run({"pdfimages", "-list", sealed(GetParam()).signedPath});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  const std::regex row(
      R"(^\s*\d+\s+\d+\s+(\w+)\s+(\d+)\s+(\d+)\s+\w+\s+\d+\s+\d+\s+\w+\s+\w+\s+\d+\s+\d+\s+(\d+)\s+(\d+))");
  std::istringstream lines(list.out);
  int images = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row) || m[1] != "image") continue;  // smask rows share their image's size
    ++images;
    EXPECT_GE(std::stoi(m[4]), 600) << line;
    EXPECT_GE(std::stoi(m[5]), 600) << line;
  }
  EXPECT_GT(images, 0) << list.out;
}

INSTANTIATE_TEST_SUITE_P(SealedSamples, SealOverText,
                         ::testing::Values("notice-joint-work-style", "notice-classified-inspection"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace gongwen::testing
