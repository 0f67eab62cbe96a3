#include "pipeline/pdf/ContentStream.h"

#include <charconv>
#include <cmath>

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace gongwen::pdf {
namespace {

// Locale-independent, shortest fixed notation with at most 3 decimals (1/1000 pt is far below
// what a printer resolves).
void appendNumberExactly(std::string& out, double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 3);
  if (ec != std::errc()) throw std::logic_error("number out of range in page content");
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

// The same digits as appendNumberExactly through integer arithmetic: a page writes two numbers per
// character, and to_chars spent 400 instructions on each (4 % of a cold render). The product
// value * 1000 is off by less than 1e-7 below 1e6, so only a value whose thousandths lie that near
// a rounding midpoint needs the exact conversion.
void appendNumber(std::string& out, double value) {
  const double thousandths = value * 1000;
  const double rounded = std::nearbyint(thousandths);
  if (!(std::fabs(value) < 1e6) || std::fabs(std::fabs(thousandths - rounded) - 0.5) < 1e-6) {
    appendNumberExactly(out, value);
    return;
  }
  long long scaled = std::llround(thousandths);
  if (scaled < 0) {
    out += '-';
    scaled = -scaled;
  }
  out += std::to_string(scaled / 1000);
  int fraction = static_cast<int>(scaled % 1000);
  if (fraction == 0) return;
  char digits[4] = {'.', static_cast<char>('0' + fraction / 100), static_cast<char>('0' + fraction / 10 % 10),
                    static_cast<char>('0' + fraction % 10)};
  int length = 4;
  while (digits[length - 1] == '0') --length;
  out.append(digits, static_cast<std::size_t>(length));
}

void appendNumbers(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    appendNumber(out, v);
    out += ' ';
  }
}

void appendCode(std::string& out, uint32_t code) {
  out += '<';
  out += hex4(code);
  out += '>';
}

// Frames made elsewhere than by layout (tools, tests) may hold characters the font lacks: fail
// loudly rather than draw .notdef.
uint32_t glyphFor(const fonts::FontFace& face, const layout::TextRun& run, char32_t ch, int pageNumber) {
  const auto glyph = face.glyphFor(ch);
  if (!glyph) {
    throw inputError("font.missing-glyph",
                     "page " + std::to_string(pageNumber) + ": " + describeChar(ch) +
                         " has no glyph in the " + std::string(fonts::roleName(run.role)) + " (" +
                         std::string(fonts::roleDisplayName(run.role)) + ") font " + face.familyName() +
                         " (" + face.path() +
                         "); replace the character or configure a font that has it in fonts.xml");
  }
  return *glyph;
}

void appendRun(std::string& out, const layout::TextRun& run, const fonts::FontLibrary& fonts,
               const CodesByRole& codes) {
  const FaceKey key{run.role, run.face};
  const fonts::FontFace& face = fonts.face(run.role, run.face);
  const CodeByGlyph& roleCodes = codes.at(key);
  out += "BT\n/" + fontResourceName(key) + ' ';
  appendNumber(out, run.sizePt);
  out += " Tf\n";
  appendNumbers(out, {run.color.r, run.color.g, run.color.b});
  out += "rg\n";
  for (const layout::PlacedChar& placed : run.chars) {
    // An absolute text matrix per character: layout decides every x, nothing accumulates.
    out += "1 0 0 1 ";
    appendNumbers(out, {placed.x, run.baseline});
    out += "Tm ";
    appendCode(out, roleCodes.at(*face.glyphFor(placed.ch)));
    out += " Tj\n";
  }
  out += "ET\n";
}

void appendRule(std::string& out, const layout::Rule& rule) {
  appendNumber(out, rule.widthPt);
  out += " w ";
  appendNumbers(out, {rule.color.r, rule.color.g, rule.color.b});
  out += "RG ";
  appendNumbers(out, {rule.x1, rule.y1});
  out += "m ";
  appendNumbers(out, {rule.x2, rule.y2});
  out += "l S\n";
}

void appendBox(std::string& out, const layout::Box& box) {
  appendNumber(out, box.widthPt);
  out += " w ";
  appendNumbers(out, {box.color.r, box.color.g, box.color.b});
  out += "RG ";
  appendNumbers(out, {box.x, box.y, box.width, box.height});
  out += "re S\n";
}

}  // namespace

std::string fontResourceName(const FaceKey& key) {
  const std::string name = "F_" + std::string(fonts::roleName(key.role));
  return key.face == 0 ? name : name + "_" + std::to_string(key.face);
}

void collectGlyphs(const layout::Page& page, int pageNumber, const fonts::FontLibrary& fonts,
                   DrawnGlyphsByRole& drawn) {
  for (const layout::TextRun& run : page.runs) {
    if (run.chars.empty()) continue;
    const fonts::FontFace& face = fonts.face(run.role, run.face);
    DrawnGlyphs& roleGlyphs = drawn[FaceKey{run.role, run.face}];
    for (const layout::PlacedChar& placed : run.chars) {
      roleGlyphs.emplace(glyphFor(face, run, placed.ch, pageNumber), placed.ch);
    }
  }
}

PageContent buildPageContent(const layout::Page& page, const fonts::FontLibrary& fonts,
                             const CodesByRole& codes) {
  PageContent content;
  for (const layout::TextRun& run : page.runs) {
    if (run.chars.empty()) continue;
    appendRun(content.operators, run, fonts, codes);
    content.roles.insert(FaceKey{run.role, run.face});
  }
  if (!page.rules.empty() || !page.boxes.empty()) {
    content.operators += "q 0 J\n";
    for (const layout::Rule& rule : page.rules) appendRule(content.operators, rule);
    for (const layout::Box& box : page.boxes) appendBox(content.operators, box);
    content.operators += "Q\n";
  }
  return content;
}

}  // namespace gongwen::pdf
