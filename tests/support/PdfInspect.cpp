#include "tests/support/PdfInspect.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "tests/support/TestSupport.h"

namespace gongwen::testing {

std::string TextLine::text() const {
  std::string out;
  for (const auto& c : chars) out += c.text;
  return out;
}

std::vector<ListedFont> listFonts(const std::string& pdf) {
  const CommandResult r = run({"pdffonts", pdf});
  if (r.exitCode != 0) throw std::runtime_error("pdffonts failed: " + r.err);
  std::vector<ListedFont> fonts;
  std::istringstream in(r.out);
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(in, line); ++skip) {
  }
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> words;
    for (std::string w; fields >> w;) words.push_back(w);
    if (words.size() < 8) continue;
    const std::size_t n = words.size();
    ListedFont font{line, words[0], "", words[n - 5] == "yes", words[n - 4] == "yes", words[n - 3] == "yes"};
    for (std::size_t i = 1; i + 6 < n; ++i) font.type += (font.type.empty() ? "" : " ") + words[i];
    fonts.push_back(std::move(font));
  }
  return fonts;
}

PdfInspect::PdfInspect(const std::string& path) : doc_(poppler::document::load_from_file(path)) {
  if (!doc_) throw std::runtime_error("poppler cannot open " + path);
}

PdfInspect::~PdfInspect() = default;

int PdfInspect::pages() const { return doc_->pages(); }

std::pair<double, double> PdfInspect::pageSize(int page) const {
  std::unique_ptr<poppler::page> p(doc_->create_page(page));
  const auto r = p->page_rect(poppler::media_box);
  return {r.width(), r.height()};
}

std::vector<CharBox> PdfInspect::chars(int page) const {
  std::unique_ptr<poppler::page> p(doc_->create_page(page));
  std::vector<CharBox> out;
  for (const auto& box : p->text_list(poppler::page::text_list_include_font)) {
    const auto utf8 = box.text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    // A text box is a word; split it into characters with their own boxes.
    size_t i = 0, glyph = 0;
    while (i < text.size()) {
      const unsigned char lead = static_cast<unsigned char>(text[i]);
      const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      const auto r = box.char_bbox(glyph);
      CharBox c;
      c.text = text.substr(i, n);
      c.left = r.left();
      c.top = r.top();
      c.right = r.right();
      c.bottom = r.bottom();
      c.font = box.get_font_name(static_cast<int>(glyph));
      c.fontSize = box.get_font_size();
      out.push_back(std::move(c));
      i += n;
      ++glyph;
    }
  }
  return out;
}

std::vector<TextLine> PdfInspect::lines(int page) const {
  auto all = chars(page);
  std::stable_sort(all.begin(), all.end(), [](const CharBox& a, const CharBox& b) {
    if (std::fabs(a.bottom - b.bottom) > 1.0) return a.bottom < b.bottom;
    return a.left < b.left;
  });
  std::vector<TextLine> out;
  for (auto& c : all) {
    if (out.empty() || std::fabs(out.back().chars.back().bottom - c.bottom) > 1.0) {
      out.push_back(TextLine{});
      out.back().top = c.top;
      out.back().bottom = c.bottom;
    }
    out.back().top = std::min(out.back().top, c.top);
    out.back().bottom = std::max(out.back().bottom, c.bottom);
    out.back().chars.push_back(std::move(c));
  }
  return out;
}

Raster PdfInspect::render(int page, double dpi) const {
  std::unique_ptr<poppler::page> p(doc_->create_page(page));
  poppler::page_renderer renderer;
  // bgr24: three bytes a pixel, blue first (rgb24 is padded to four).
  renderer.set_image_format(poppler::image::format_bgr24);
  const poppler::image img = renderer.render_page(p.get(), dpi, dpi);
  Raster r;
  r.width = img.width();
  r.height = img.height();
  r.dpi = dpi;
  r.grey.resize(static_cast<size_t>(r.width) * r.height);
  r.redness.resize(r.grey.size());
  const auto* data = reinterpret_cast<const unsigned char*>(img.const_data());
  for (int y = 0; y < r.height; ++y) {
    const unsigned char* row = data + static_cast<size_t>(y) * img.bytes_per_row();
    for (int x = 0; x < r.width; ++x) {
      const int blue = row[3 * x], green = row[3 * x + 1], red = row[3 * x + 2];
      const size_t at = static_cast<size_t>(y) * r.width + x;
      r.grey[at] = static_cast<unsigned char>((red * 30 + green * 59 + blue * 11) / 100);
      r.redness[at] = static_cast<unsigned char>(std::max(0, red - std::max(green, blue)));
    }
  }
  return r;
}

}  // namespace gongwen::testing
