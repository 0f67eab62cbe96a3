#include "signing/sign/SignatureAppearance.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "pipeline/core/Error.h"
#include "pipeline/core/LocalTime.h"
#include "pipeline/core/Utf.h"
#include "pipeline/pdf/FontEmbedder.h"

namespace gongwen::sign {
namespace {

constexpr double kNameSize = 16;  // 三号
constexpr double kTimeSize = 9;
constexpr double kMargin = 3;
constexpr double kGap = 4;  // between the name and the time
// A box smaller than this cannot show a name a reader can make out (3 mm ≈ 8.5 pt per side).
constexpr double kSmallestBox = 24;

struct Line {
  std::u32string text;
  double size = 0;
};

double widthOf(const fonts::FontFace& face, const Line& line) {
  double width = 0;
  for (char32_t c : line.text) width += face.advance(*face.glyphFor(c), line.size);
  return width;
}

std::string hexCodes(const pdf::SubsetFont& font, const fonts::FontFace& face, const std::u32string& text) {
  std::string hex;
  for (char32_t c : text) {
    char code[8];
    std::snprintf(code, sizeof code, "%04X", font.codes.at(*face.glyphFor(c)));
    hex += code;
  }
  return hex;
}

}  // namespace

unsigned writeSignatureAppearance(IncrementalUpdate& update, const fonts::FontFace& face,
                                  const std::string& signerName, std::time_t signingTime,
                                  const std::string& timeZone, double width, double height) {
  if (!(width >= kSmallestBox && height >= kSmallestBox)) {
    char size[64];
    std::snprintf(size, sizeof size, "%.1f × %.1f pt", width, height);
    throw inputError("sign.box-too-small", std::string("the signature box is ") + size +
                                               ", too small to show who signed; render the form again");
  }
  std::vector<Line> lines = {
      {toUtf32(signerName, "the signer's name"), kNameSize},
      {toUtf32(formatLocalMinute(signingTime, timeZone), "the signing time"), kTimeSize}};
  pdf::DrawnGlyphs drawn;
  for (const Line& line : lines) {
    for (char32_t c : line.text) {
      const auto glyph = face.glyphFor(c);
      if (!glyph) {
        throw inputError("sign.missing-glyph", "the font " + face.familyName() + " has no glyph for '" +
                                                   toUtf8(c) + "' of " + signerName +
                                                   "'s visible signature; configure a 楷体 font that has it");
      }
      drawn.emplace(*glyph, c);
    }
  }
  // A narrow box gets smaller letters rather than letters outside it.
  for (Line& line : lines) {
    const double natural = widthOf(face, line);
    if (natural > width - 2 * kMargin) line.size *= (width - 2 * kMargin) / natural;
  }
  const pdf::SubsetFont subset = pdf::subsetFont(face, drawn);
  const unsigned font = pdf::embedFont(
      {[&update] { return update.newObjectNumber(); },
       [&update](unsigned number, std::string body) { update.put(number, 0, std::move(body)); }},
      face, subset);

  // The name in the middle of the box, the time under it; 0.88 em of a CJK face is above its baseline.
  const Line& name = lines[0];
  const Line& time = lines[1];
  const double top = (height + name.size + kGap + time.size) / 2;
  const double nameBaseline = top - 0.88 * name.size;
  const double timeBaseline = nameBaseline - 0.12 * name.size - kGap - 0.88 * time.size;
  std::string content;
  for (const auto& [line, baseline] : {std::pair{&name, nameBaseline}, std::pair{&time, timeBaseline}}) {
    const double x = std::max(kMargin, (width - widthOf(face, *line)) / 2);
    char position[96];
    std::snprintf(position, sizeof position, "BT /F1 %.2f Tf %.2f %.2f Td <", line->size, x, baseline);
    content += position + hexCodes(subset, face, line->text) + "> Tj ET\n";
  }
  char bbox[96];
  std::snprintf(bbox, sizeof bbox, "[0 0 %.2f %.2f]", width, height);
  const unsigned appearance = update.newObjectNumber();
  update.put(appearance, 0,
             std::string("<< /Type /XObject /Subtype /Form /BBox ") + bbox + " /Resources << /Font << /F1 " +
                 std::to_string(font) + " 0 R >> >> /Length " + std::to_string(content.size()) +
                 " >>\nstream\n" + content + "endstream");
  return appearance;
}

}  // namespace gongwen::sign
