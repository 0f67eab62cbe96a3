// Forms rendered to PDF and read back by independent tools only — qpdf, pdffonts, pdftotext,
// pdftoppm and poppler-cpp: cells, rules, signature fields and Info claims as another reader sees
// them. The cell rectangles the text and the pictures are held against come from the form layout;
// the column edges of the slip are also computed here by hand from the 版心.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/core/Error.h"
#include "pipeline/layout/FormLayout.h"
#include "pipeline/render/FormRenderer.h"
#include "pipeline/render/Renderer.h"
#include "tests/layout/SampleForms.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace gongwen {
namespace {

using gongwen::testing::PdfInspect;
using gongwen::testing::run;
using gongwen::testing::TempDir;
using gongwen::testing::withoutWhitespace;
using layout::testing::leaveSlip;
using layout::testing::proposalsRegister;

constexpr std::int64_t kFixedTime = 1795000000;

std::string longReason() {
  std::string reason;
  for (int i = 0; i < 4; ++i) reason += "因家中老人突发疾病住院治疗，需本人陪护照料，特申请事假。";
  return reason;
}

struct RenderedForm {
  model::Form form;
  layout::FormFrames layout;
  std::string pdf;  // path
};

class RenderedForms : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    layout::DocumentInfo info;
    info.templateId = "leave";
    info.approvalChain = "leave-staff-short";
    info.applicant = "zhangsan";
    info.leaveKind = "事假";
    info.leaveDays = 2.5;
    info.issuers = {"江州市生态环境局"};
    slip_ = render(leaveSlip(longReason()), info, "slip.pdf");
    register_ = render(proposalsRegister(25), {}, "register.pdf");
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static RenderedForm render(model::Form form, const layout::DocumentInfo& info, const std::string& name) {
    const fonts::FontLibrary& fonts = render::fontLibraryFor("");
    RenderedForm r{form, layout::layOutForm(form, fonts), dir_->file(name)};
    std::ofstream(r.pdf, std::ios::binary) << render::renderFormToPdf(form, fonts, info, kFixedTime);
    return r;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline RenderedForm slip_;
  static inline RenderedForm register_;
};

TEST_F(RenderedForms, QpdfFindsNoProblems) {
  for (const RenderedForm* f : {&slip_, &register_}) {
    const auto r = run({"qpdf", "--check", f->pdf});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
  }
}

TEST_F(RenderedForms, EveryFontIsEmbeddedSubsetAndHasToUnicode) {
  for (const RenderedForm* f : {&slip_, &register_}) {
    const std::vector<gongwen::testing::ListedFont> fonts = gongwen::testing::listFonts(f->pdf);
    for (const gongwen::testing::ListedFont& font : fonts) {
      EXPECT_TRUE(font.embedded) << "not embedded: " << font.line;
      EXPECT_TRUE(font.subset) << "not subset: " << font.line;
      EXPECT_TRUE(font.toUnicode) << "no ToUnicode: " << font.line;
    }
    EXPECT_EQ(fonts.size(), f == &register_ ? 4u : 3u)
        << "小标宋 title, 黑体 labels, 仿宋 values; 宋体 page numbers";
  }
}

// Removes one occurrence of `needle` from `hay`; false when it is not there.
bool takeOut(std::string& hay, const std::string& needle) {
  const auto at = hay.find(needle);
  if (at == std::string::npos) return false;
  hay.erase(at, needle.size());
  return true;
}

// pdftotext of the cell's rectangle alone (at 72 dpi, so pixels are points).
std::string cellText(const RenderedForm& f, const layout::PlacedCell& c) {
  const double top = f.layout.frames.pageHeight - c.y - c.height;
  const std::string page = std::to_string(c.page + 1);
  const auto r = run({"pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, "-x",
                      std::to_string(int(c.x + 1)), "-y", std::to_string(int(top + 1)), "-W",
                      std::to_string(int(c.width - 2)), "-H", std::to_string(int(c.height - 2)), f.pdf, "-"});
  if (r.exitCode != 0) throw std::runtime_error("pdftotext failed: " + r.err);
  return withoutWhitespace(r.out);
}

TEST_F(RenderedForms, PdftotextGivesBackEveryCellFromItsRectangle) {
  for (const RenderedForm* f : {&slip_, &register_}) {
    size_t cells = 0;
    for (const layout::PlacedCell& c : f->layout.cells) {
      const std::string expected = withoutWhitespace(f->form.rows[c.row].cells[c.cell].text.value);
      EXPECT_EQ(cellText(*f, c), expected)
          << "page " << c.page + 1 << " row " << c.row + 1 << " cell " << c.cell + 1;
      ++cells;
    }
    EXPECT_GE(cells, f == &register_ ? 26u * 8 : 14u);
  }
}

TEST_F(RenderedForms, PdftotextOfTheSlipIsItsTitleLinesAndCells) {
  const auto r = run({"pdftotext", "-enc", "UTF-8", slip_.pdf, "-"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string rest = withoutWhitespace(r.out);
  std::vector<std::string> expected{slip_.form.title.value};
  for (const auto& l : slip_.form.linesAbove) expected.push_back(l.text.value);
  for (const auto& row : slip_.form.rows) {
    for (const auto& cell : row.cells) expected.push_back(cell.text.value);
  }
  for (const auto& l : slip_.form.linesBelow) expected.push_back(l.text.value);
  for (const std::string& text : expected) {
    EXPECT_TRUE(takeOut(rest, withoutWhitespace(text))) << "missing from the PDF's text: " << text;
  }
  EXPECT_EQ(rest, "") << "text in the PDF that the form does not have";
}

// A character's box as poppler reports it, turned into PDF coordinates (origin bottom-left).
struct Box {
  double left, bottom, right, top;
};

Box pdfBox(const gongwen::testing::CharBox& c, double pageHeight) {
  return {c.left, pageHeight - c.bottom, c.right, pageHeight - c.top};
}

bool contains(const layout::PlacedCell& c, const Box& b) {
  return b.left >= c.x && b.right <= c.x + c.width && b.bottom >= c.y && b.top <= c.y + c.height;
}

bool crosses(const layout::Rule& r, const Box& b) {
  if (r.x1 == r.x2)
    return b.left < r.x1 && b.right > r.x1 && b.bottom < std::max(r.y1, r.y2) && b.top > std::min(r.y1, r.y2);
  return b.bottom < r.y1 && b.top > r.y1 && b.left < std::max(r.x1, r.x2) && b.right > std::min(r.x1, r.x2);
}

// The rules of a page: its inner rules and the four sides of each frame.
std::vector<layout::Rule> rulesOf(const layout::Page& page) {
  std::vector<layout::Rule> rules = page.rules;
  for (const layout::Box& b : page.boxes) {
    const double l = b.x, r = b.x + b.width, lo = b.y, hi = b.y + b.height;
    for (const layout::Rule& side : {layout::Rule{l, lo, r, lo}, layout::Rule{l, hi, r, hi},
                                     layout::Rule{l, lo, l, hi}, layout::Rule{r, lo, r, hi}}) {
      rules.push_back(side);
    }
  }
  return rules;
}

TEST_F(RenderedForms, EveryTextBoxLiesInsideItsCellAndCrossesNoRule) {
  for (const RenderedForm* f : {&slip_, &register_}) {
    PdfInspect pdf(f->pdf);
    ASSERT_EQ(static_cast<size_t>(pdf.pages()), f->layout.frames.pages.size());
    for (int p = 0; p < pdf.pages(); ++p) {
      const layout::Page& page = f->layout.frames.pages[p];
      const layout::Box& frame = page.boxes.at(0);
      const std::vector<layout::Rule> rules = rulesOf(page);
      std::map<size_t, std::string> textByCell;  // index into f->layout.cells
      for (const auto& ch : pdf.chars(p)) {
        const Box b = pdfBox(ch, f->layout.frames.pageHeight);
        for (const layout::Rule& r : rules)
          EXPECT_FALSE(crosses(r, b)) << ch.text << " crosses a rule on page " << p + 1;
        const double midX = (b.left + b.right) / 2, midY = (b.bottom + b.top) / 2;
        const bool inTable =
            midX > frame.x && midX < frame.x + frame.width && midY > frame.y && midY < frame.y + frame.height;
        if (!inTable) continue;  // the title and the lines above and below the table
        bool held = false;
        for (size_t i = 0; i < f->layout.cells.size(); ++i) {
          const layout::PlacedCell& c = f->layout.cells[i];
          if (c.page != static_cast<size_t>(p) || !contains(c, b)) continue;
          held = true;
          textByCell[i] += ch.text;
        }
        EXPECT_TRUE(held) << ch.text << " on page " << p + 1 << " lies in no cell";
      }
      // And each cell holds exactly its own text.
      for (size_t i = 0; i < f->layout.cells.size(); ++i) {
        const layout::PlacedCell& c = f->layout.cells[i];
        if (c.page != static_cast<size_t>(p)) continue;
        EXPECT_EQ(textByCell[i], withoutWhitespace(f->form.rows[c.row].cells[c.cell].text.value))
            << "page " << p + 1 << " row " << c.row + 1 << " cell " << c.cell + 1;
      }
    }
  }
}

// A page as `pdftoppm -r 150 -gray` draws it.
struct GreyPage {
  int width = 0, height = 0;
  std::string pixels;
  double pageHeight = 0;
  static constexpr double kDpi = 150;
  // Grey at a point in PDF coordinates: 0 black .. 255 white.
  int at(double x, double y) const {
    const int px = static_cast<int>(x * kDpi / 72), py = static_cast<int>((pageHeight - y) * kDpi / 72);
    return static_cast<unsigned char>(pixels.at(static_cast<size_t>(py) * width + px));
  }
  // The darkest pixel within one pixel of the point: a 0.5 pt rule is one pixel wide at 150 dpi.
  int darkestNear(double x, double y) const {
    const double px = 72 / kDpi;
    int darkest = 255;
    for (double dx : {-px, 0.0, px}) {
      for (double dy : {-px, 0.0, px}) darkest = std::min(darkest, at(x + dx, y + dy));
    }
    return darkest;
  }
};

GreyPage greyPage(const RenderedForm& f, int page, const TempDir& dir) {
  const std::string prefix = dir.file("page" + std::to_string(page));
  const std::string n = std::to_string(page + 1);
  const auto r = run({"pdftoppm", "-r", "150", "-gray", "-f", n, "-l", n, "-singlefile", f.pdf, prefix});
  if (r.exitCode != 0) throw std::runtime_error("pdftoppm failed: " + r.err);
  std::ifstream in(prefix + ".pgm", std::ios::binary);
  std::string magic;
  int maxValue = 0;
  GreyPage g;
  in >> magic >> g.width >> g.height >> maxValue;
  in.get();
  if (magic != "P5" || maxValue != 255) throw std::runtime_error("unexpected PGM from pdftoppm");
  g.pixels.resize(static_cast<size_t>(g.width) * g.height);
  in.read(g.pixels.data(), static_cast<std::streamsize>(g.pixels.size()));
  g.pageHeight = f.layout.frames.pageHeight;
  return g;
}

constexpr int kDark = 128;
constexpr int kLight = 230;
constexpr double kInside = 2.5;  // points inside a rule: clear of it, still short of the text

// At the middle of every side of every cell the rule is drawn, and just inside it the paper is bare.
void expectRulesWhereTheLayoutPutThem(const RenderedForm& f) {
  TempDir dir;
  for (size_t p = 0; p < f.layout.frames.pages.size(); ++p) {
    const GreyPage g = greyPage(f, static_cast<int>(p), dir);
    EXPECT_EQ(g.width > g.height, f.form.orientation == model::PageOrientation::Landscape);
    for (const layout::PlacedCell& c : f.layout.cells) {
      if (c.page != p) continue;
      const double midX = c.x + c.width / 2, midY = c.y + c.height / 2;
      const double right = c.x + c.width, top = c.y + c.height;
      const std::string where = "page " + std::to_string(p + 1) + " row " + std::to_string(c.row + 1) +
                                " cell " + std::to_string(c.cell + 1);
      EXPECT_LT(g.darkestNear(c.x, midY), kDark) << where << ": left rule";
      EXPECT_LT(g.darkestNear(right, midY), kDark) << where << ": right rule";
      EXPECT_LT(g.darkestNear(midX, c.y), kDark) << where << ": bottom rule";
      EXPECT_LT(g.darkestNear(midX, top), kDark) << where << ": top rule";
      EXPECT_GT(g.at(c.x + kInside, midY), kLight) << where << ": inside the left rule";
      EXPECT_GT(g.at(right - kInside, midY), kLight) << where << ": inside the right rule";
      EXPECT_GT(g.at(midX, c.y + kInside), kLight) << where << ": inside the bottom rule";
      EXPECT_GT(g.at(midX, top - kInside), kLight) << where << ": inside the top rule";
    }
  }
}

TEST_F(RenderedForms, PictureOfTheSlipHasItsRulesWhereTheLayoutPutThem) {
  expectRulesWhereTheLayoutPutThem(slip_);
}

TEST_F(RenderedForms, PictureOfTheRegisterHasItsRulesWhereTheLayoutPutThem) {
  expectRulesWhereTheLayoutPutThem(register_);
}

// Independent of the layout's numbers: the slip's columns are 1:2:1:2 of the 156 mm 版心 from 28 mm,
// so its first row has rules at 28, 54, 106, 132 and 184 mm, at the height where poppler reads 申请人.
TEST_F(RenderedForms, TheSlipsColumnRulesStandWhereTheTypeAreaPutsThem) {
  PdfInspect pdf(slip_.pdf);
  double labelMiddle = -1;
  for (const auto& line : pdf.lines(0)) {  // top down: the first row, not the signature box's caption
    if (line.text().rfind("申请人", 0) != 0) continue;
    labelMiddle = slip_.layout.frames.pageHeight - (line.top + line.bottom) / 2;
    break;
  }
  ASSERT_GT(labelMiddle, 0) << "no line starting 申请人";
  TempDir dir;
  const GreyPage g = greyPage(slip_, 0, dir);
  for (double edgeMm : {28.0, 54.0, 106.0, 132.0, 184.0}) {
    const double x = edgeMm * gongwen::testing::kPtPerMm;
    EXPECT_LT(g.darkestNear(x, labelMiddle), kDark) << "no rule at " << edgeMm << " mm";
    EXPECT_GT(g.at(x + 3, labelMiddle), kLight) << "ink right of the rule at " << edgeMm << " mm";
  }
  EXPECT_GT(g.at(80 * gongwen::testing::kPtPerMm, labelMiddle), kLight) << "no rule inside a cell";
}

TEST_F(RenderedForms, TheRegisterIsLandscapeUprightWithItsHeaderAndANumberOnEveryPage) {
  PdfInspect pdf(register_.pdf);
  ASSERT_EQ(pdf.pages(), 3);
  for (int p = 0; p < pdf.pages(); ++p) {
    const auto [w, h] = pdf.pageSize(p);
    EXPECT_NEAR(w, 841.89, 0.5);
    EXPECT_NEAR(h, 595.28, 0.5);
    const std::string n = std::to_string(p + 1);
    const auto r = run({"pdftotext", "-layout", "-enc", "UTF-8", "-f", n, "-l", n, register_.pdf, "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // Upright: the header reads left to right on one line (turned pages would give one character a line).
    EXPECT_NE(withoutWhitespace(r.out).find("编号标题姓名承办股室收到日期办理期限类别状态"),
              std::string::npos)
        << "page " << n << ":\n"
        << r.out;
    // Numbered `— N —` under the table.
    const std::string text = withoutWhitespace(r.out);
    const std::string number = "\u2014" + n + "\u2014";
    EXPECT_EQ(text.substr(text.size() - number.size()), number) << r.out;
  }
  const auto first = run({"pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", register_.pdf, "-"});
  EXPECT_EQ(withoutWhitespace(first.out).rfind("建议提案办理情况汇总表", 0), 0u) << first.out;
}

// Poppler's own raster: the overdue rows' text is red, the others' is not.
TEST_F(RenderedForms, MarkedRowsOfTheRegisterAreRed) {
  PdfInspect pdf(register_.pdf);
  const gongwen::testing::Raster page = pdf.render(0, 150);
  int marked = 0;
  for (const layout::PlacedCell& c : register_.layout.cells) {
    if (c.page != 0 || c.row == 0) continue;
    int red = 0;
    for (int y = page.height - static_cast<int>((c.y + c.height) * 150 / 72) + 2;
         y < page.height - static_cast<int>(c.y * 150 / 72) - 2; ++y) {
      for (int x = static_cast<int>(c.x * 150 / 72) + 2; x < static_cast<int>((c.x + c.width) * 150 / 72) - 2;
           ++x) {
        red += page.redness[static_cast<size_t>(y) * page.width + x] > 100;
      }
    }
    const bool overdue = register_.form.rows[c.row].marked;
    marked += overdue;
    if (overdue) {
      EXPECT_GT(red, 20) << "row " << c.row + 1 << " cell " << c.cell + 1;
    } else {
      EXPECT_EQ(red, 0) << "row " << c.row + 1 << " cell " << c.cell + 1;
    }
  }
  EXPECT_GE(marked, 8) << "row 7's eight cells on the first page";
}

TEST_F(RenderedForms, SignatureBoxesAreEmptySignatureFieldsNamingTheirStep) {
  const auto r = run({"qpdf", "--json", slip_.pdf});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  std::vector<std::string> steps;
  for (const auto& field : json["acroform"]["fields"]) {
    EXPECT_EQ(field["fieldtype"], "/Sig");
    EXPECT_TRUE(field["value"].is_null()) << "a signature box must be empty before signing";
    const std::string widgetId = field["annotation"]["object"];
    const auto& widget = json["qpdf"][1]["obj:" + widgetId]["value"];
    EXPECT_FALSE(widget.contains("/V"));
    EXPECT_FALSE(widget.contains("/GongwenSeal"));
    const std::string step = widget["/GongwenStep"];
    steps.push_back(step.substr(2));  // qpdf writes text strings as "u:…"
    EXPECT_EQ(field["fullname"], "签名-" + steps.back());
    // The field lies in its cell, under the caption poppler reads there.
    const auto& rect = widget["/Rect"];
    const double x1 = rect[0], y1 = rect[1], x2 = rect[2], y2 = rect[3];
    bool inCell = false;
    for (const layout::PlacedCell& c : slip_.layout.cells) {
      const auto& cell = slip_.form.rows[c.row].cells[c.cell];
      if (cell.signer != steps.back()) continue;
      inCell = x1 >= c.x && x2 <= c.x + c.width && y1 >= c.y && y2 <= c.y + c.height;
      PdfInspect pdf(slip_.pdf);
      for (const auto& line : pdf.lines(0)) {
        const double bottom = slip_.layout.frames.pageHeight - line.bottom;
        if (line.left() > c.x && line.left() < c.x + c.width && bottom > y2 && bottom < c.y + c.height) {
          EXPECT_NE(line.text().find(cell.text.value), std::string::npos) << line.text();
          EXPECT_LE(y2, bottom) << "the field must leave the caption free";
        }
      }
    }
    EXPECT_TRUE(inCell) << steps.back();
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"applicant", "section-chief", "director"}));
}

TEST_F(RenderedForms, TheInfoDictionaryCarriesTheClaimsGiven) {
  const auto r = run({"qpdf", "--json", slip_.pdf});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  const std::string infoId = json["qpdf"][1]["trailer"]["value"]["/Info"];
  const auto& info = json["qpdf"][1]["obj:" + infoId]["value"];
  EXPECT_EQ(info["/Title"], "u:请假条") << "the form's title when the caller gives none";
  EXPECT_EQ(info["/GongwenTemplate"], "u:leave");
  EXPECT_EQ(info["/GongwenChain"], "u:leave-staff-short");
  EXPECT_EQ(info["/GongwenApplicant"], "u:zhangsan");
  EXPECT_EQ(info["/GongwenLeaveKind"], "u:事假");
  EXPECT_EQ(info["/GongwenLeaveDays"], 2.5);
  EXPECT_EQ(info["/GongwenIssuers"], nlohmann::json::array({"u:江州市生态环境局"}));
}

TEST(FormRendering, AValueThatCannotFitIsAnErrorAndNoPdf) {
  std::string reason;
  for (int i = 0; i < 60; ++i) reason += "因家中老人突发疾病住院治疗，需本人陪护照料。";
  std::string pdf = "untouched";
  try {
    pdf = render::renderFormToPdf(leaveSlip(reason), render::fontLibraryFor(""), {}, kFixedTime);
    FAIL() << "rendered a form that cannot fit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "form.does-not-fit");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find("test-form.xml:7 (/job/reason), field reason"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(pdf, "untouched");
}

TEST(FormRendering, TheSameFormAtTheSameTimeGivesTheSameBytes) {
  const fonts::FontLibrary& fonts = render::fontLibraryFor("");
  EXPECT_EQ(render::renderFormToPdf(leaveSlip(), fonts, {}, kFixedTime),
            render::renderFormToPdf(leaveSlip(), fonts, {}, kFixedTime));
}

}  // namespace
}  // namespace gongwen
