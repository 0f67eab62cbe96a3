#pragma once
// Reads a PDF the way an independent reader sees it, through poppler-cpp: page sizes, every
// character with its box (points, top-left origin, as poppler reports), font and size, and the
// rendered raster for checking drawn rules. Nothing here uses gongwen's own code.

#include <memory>
#include <string>
#include <vector>

namespace poppler {
class document;
}

namespace gongwen::testing {

inline constexpr double kPtPerMm = 72.0 / 25.4;

struct CharBox {
  std::string text;  // UTF-8 of one character
  double left = 0, top = 0, right = 0, bottom = 0;
  std::string font;
  double fontSize = 0;
};

// Characters sharing a baseline (boxes whose bottoms agree within 1 pt), left to right.
struct TextLine {
  std::vector<CharBox> chars;
  double top = 0, bottom = 0;
  std::string text() const;
  double left() const { return chars.front().left; }
  double right() const { return chars.back().right; }
};

// One page rendered to a grey raster at `dpi`; ink = darker than mid grey.
struct Raster {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> grey;     // 0 black .. 255 white
  std::vector<unsigned char> redness;  // how much red exceeds green/blue (0..255)
  bool ink(int x, int y) const { return grey[static_cast<size_t>(y) * width + x] < 128; }
  double toPt(int px) const { return px * 72.0 / dpi; }
};

// One font as pdffonts lists it (pdffonts, not poppler-cpp: the columns a reviewer looks at).
struct ListedFont {
  std::string line;  // as printed, for messages
  std::string name, type;
  bool embedded = false, subset = false, toUnicode = false;
};

// pdffonts' table for the file: name, type (may hold spaces), encoding, emb, sub, uni, object, gen.
// Throws std::runtime_error when pdffonts fails.
std::vector<ListedFont> listFonts(const std::string& pdf);

class PdfInspect {
 public:
  explicit PdfInspect(const std::string& path);
  ~PdfInspect();

  int pages() const;
  // MediaBox width and height in points.
  std::pair<double, double> pageSize(int page) const;
  std::vector<CharBox> chars(int page) const;
  std::vector<TextLine> lines(int page) const;
  Raster render(int page, double dpi) const;

 private:
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace gongwen::testing
