// Issue 12, item 6: the page rules of GB/T 9704 measured on what Poppler reads from the real
// binary's PDFs — the 版记 on an even last page (7.5), the seal page never without text
// (7.3.5.5), no widow or orphan lines in the 正文.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

// The sample reply with its 正文 replaced by `paragraphs`.
std::string replyWithBody(const std::vector<std::string>& paragraphs) {
  std::string body = "<body>";
  for (const auto& p : paragraphs) body += p.front() == '<' ? p : "<p>" + p + "</p>";
  body += "</body>";
  const std::string sample = gongwen::readFile(sourcePath("samples/jobs/reply-inspection-plan.xml"));
  return std::regex_replace(sample, std::regex("<body>[\\s\\S]*</body>"), body);
}

// Renders `job` with the real binary; the PDF's path.
std::string render(const TempDir& dir, const std::string& name, const std::string& job) {
  const std::string jobFile = dir.file(name + ".xml");
  const std::string pdf = dir.file(name + ".pdf");
  std::ofstream(jobFile) << job;
  const auto r = run({gongwenBinary(), "render", jobFile, "-o", pdf});
  if (r.exitCode != 0) throw std::runtime_error(name + ": render failed: " + r.err);
  return pdf;
}

struct PageText {
  std::vector<TextLine> body;  // inside the 版心
  std::string number;          // the page number's digits, empty when the page has none
  bool has(const std::string& s) const {
    for (const auto& l : body) {
      if (l.text().find(s) != std::string::npos) return true;
    }
    return false;
  }
};

PageText pageText(const PdfInspect& pdf, int page) {
  PageText out;
  for (auto& line : pdf.lines(page)) {
    if (line.top < kBodyBottom) {
      out.body.push_back(std::move(line));
      continue;
    }
    for (const auto& c : line.chars) {
      if (c.text.size() == 1 && std::isdigit(static_cast<unsigned char>(c.text[0]))) out.number += c.text;
    }
  }
  return out;
}

// A paragraph that takes one line of the 正文.
std::string oneLine(int i) { return "第" + std::to_string(i) + "项工作按照计划推进落实到位。"; }

}  // namespace

// 7.5 and 封四: however long the 正文, the 版记 stands on the last page and that page is even; a
// blank page before it leaves both unnumbered, and every other page carries its own number.
TEST(PageRules, TheColophonStandsOnAnEvenLastPageAndABlankPageBeforeItIsUnnumbered) {
  TempDir dir;
  int blankPageCases = 0, colophonAloneCases = 0, sharedPageCases = 0;
  std::vector<std::string> paragraphs;
  for (int n = 1; n <= 48; ++n) {
    paragraphs.push_back(oneLine(n));
    const std::string name = "body" + std::to_string(n);
    PdfInspect pdf(render(dir, name, replyWithBody(paragraphs)));
    const int pages = pdf.pages();
    ASSERT_EQ(pages % 2, 0) << name << ": the 版记 page must be even";
    std::vector<PageText> text;
    for (int p = 0; p < pages; ++p) text.push_back(pageText(pdf, p));
    for (int p = 0; p + 1 < pages; ++p) EXPECT_FALSE(text[p].has("抄送")) << name << " page " << p + 1;
    const PageText& last = text.back();
    ASSERT_TRUE(last.has("抄送") && last.has("印发")) << name << ": the 版记 is not on the last page";
    const bool colophonOnly = last.body.size() == 2;
    const bool blankBefore = text[pages - 2].body.empty();
    for (int p = 0; p < pages; ++p) {
      if (text[p].body.empty()) {
        EXPECT_EQ(p, pages - 2) << name << ": only the page before the 版记 may be blank";
        EXPECT_EQ(text[p].number, "") << name << ": the blank page carries no page number";
      } else if (p == pages - 1 && blankBefore) {
        EXPECT_EQ(text[p].number, "") << name << ": after a blank page the 版记 page is unnumbered";
      } else {
        EXPECT_EQ(text[p].number, std::to_string(p + 1)) << name << " page " << p + 1;
      }
    }
    if (blankBefore) {
      ++blankPageCases;
    } else if (colophonOnly) {
      ++colophonAloneCases;
    } else {
      ++sharedPageCases;
    }
  }
  EXPECT_GT(blankPageCases, 0);
  EXPECT_GT(colophonAloneCases, 0);
  EXPECT_GT(sharedPageCases, 0);
}

namespace {

// A paragraph of 正文 that takes `lines` lines: 26 characters on the first, 28 on the others.
std::string paragraphOf(int lines, int seed) {
  static const std::u32string kText = U"生态环境保护督察整改工作推进会议要求各级各部门压实责任强化措施";
  std::u32string p;
  const size_t length = 26 + 28 * static_cast<size_t>(lines - 1) - 1;
  for (size_t i = 0; i < length; ++i) p += kText[(i + static_cast<size_t>(seed)) % kText.size()];
  p += U'。';
  std::string utf8;
  for (char32_t c : p) {
    utf8 += static_cast<char>(0xE0 | (c >> 12));
    utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (c & 0x3F));
  }
  return utf8;
}

// The 正文 lines of a page in 3号 at the binding margin: a paragraph's first line is indented two 字.
struct BodyLine {
  bool first = false;  // a paragraph's first line
  bool last = false;   // a paragraph's last line
  bool heading = false;
};

std::vector<BodyLine> bodyLines(const PageText& page) {
  std::vector<BodyLine> out;
  for (const auto& line : page.body) {
    if (std::abs(line.chars.front().fontSize - 16) > 0.5) continue;
    const double indent = line.left() - kBodyLeft;
    if (indent > 3 * kCharCell) continue;  // 署名, 成文日期
    const std::string text = line.text();
    out.push_back({indent > kCharCell, text.find("。") != std::string::npos,
                   text.find("、") != std::string::npos || text.find("（") != std::string::npos});
  }
  return out;
}

}  // namespace

// No paragraph leaves its single first line at the bottom of a page, nor its single last line at
// the top of the next: a line moves over and the page ends with a blank grid line instead. No
// heading ends a page either (it reads as a paragraph's first line here).
TEST(PageRules, NoParagraphLeavesASingleLineAloneAtAPageBreak) {
  TempDir dir;
  int breaksInsideParagraphs = 0;
  for (int offset = 0; offset < 22; ++offset) {
    std::vector<std::string> paragraphs;
    for (int i = 0; i < offset; ++i) paragraphs.push_back(oneLine(i + 1));
    for (int lines : {0, 2, 3, 0, 4, 5, 2, 0, -1, 3, 6, 0, 3, 2, 4}) {
      // 0 and -1 stand for a level-1 and a level-2 heading, which must not end a page either.
      if (lines == 0) paragraphs.push_back("<h1>二、工作要求</h1>");
      if (lines == -1) paragraphs.push_back("<h2>（一）压实责任</h2>");
      if (lines > 0) paragraphs.push_back(paragraphOf(lines, lines + offset));
    }
    const std::string name = "offset" + std::to_string(offset);
    PdfInspect pdf(render(dir, name, replyWithBody(paragraphs)));
    std::vector<BodyLine> previous;
    for (int p = 0; p < pdf.pages(); ++p) {
      const std::vector<BodyLine> lines = bodyLines(pageText(pdf, p));
      if (!previous.empty() && !lines.empty()) {
        EXPECT_FALSE(previous.back().heading) << name << ": a heading ends page " << p;
      }
      if (!previous.empty() && !lines.empty() && !lines.front().first) {
        ++breaksInsideParagraphs;
        EXPECT_FALSE(previous.back().first) << name << ": a single first line ends page " << p;
        EXPECT_FALSE(lines.front().last && (lines.size() == 1 || lines[1].first))
            << name << ": a single last line starts page " << p + 1;
      }
      if (!lines.empty()) previous = lines;
    }
  }
  EXPECT_GT(breaksInsideParagraphs, 10);
}

namespace {

struct SealBox {
  int page = 0;
  double top = 0, bottom = 0;  // top-left origin
};

// The seal fields' boxes as qpdf reads them.
std::vector<SealBox> sealBoxes(const std::string& pdf) {
  const auto r = run({"qpdf", "--json", pdf});
  if (r.exitCode != 0) throw std::runtime_error("qpdf: " + r.err);
  const auto json = nlohmann::json::parse(r.out);
  std::vector<SealBox> out;
  for (const auto& field : json["acroform"]["fields"]) {
    if (field["fieldtype"] != "/Sig") continue;
    const std::string widget = field["annotation"]["object"];
    const auto& rect = json["qpdf"][1]["obj:" + widget]["value"]["/Rect"];
    const double y1 = rect[1].get<double>(), y2 = rect[3].get<double>();
    out.push_back({field["pageposfrom1"].get<int>() - 1, kPageHeight - std::max(y1, y2),
                   kPageHeight - std::min(y1, y2)});
  }
  return out;
}

}  // namespace

// 7.3.5.5: the page with the seal, 署名 and 成文日期 also carries 正文 (or the 附件说明) — the last
// lines move over with the block rather than leave it alone on a page (此页无正文 is not allowed).
// Where the block's lines fit and only the seal would reach below the 版心, the spacing gives way
// instead: the seal rises into the space above the block and everything stays on the page.
TEST(PageRules, TheSignaturePageAlwaysCarriesTextAndTheSealStaysInsideTheTypeArea) {
  TempDir dir;
  int pushedOver = 0, dateOnTheLastLine = 0;
  for (const bool withNote : {false, true}) {
    std::vector<std::string> paragraphs = {paragraphOf(3, 0)};
    for (int n = 1; n <= 26; ++n) {
      paragraphs.push_back(oneLine(n));
      std::string job = replyWithBody(paragraphs);
      if (withNote) {
        job = std::regex_replace(job, std::regex("</body>"),
                                 "</body><attachment><title>检查计划</title><p>见附表。</p></attachment>");
      }
      const std::string name = (withNote ? "note" : "plain") + std::to_string(n);
      const std::string file = render(dir, name, job);
      PdfInspect pdf(file);
      const std::vector<SealBox> seals = sealBoxes(file);
      ASSERT_EQ(seals.size(), 1u) << name;
      const SealBox& seal = seals.front();
      const PageText page = pageText(pdf, seal.page);
      int textAbove = 0;
      double textBottom = 0;
      const TextLine* date = nullptr;
      for (const auto& line : page.body) {
        if (line.text() == "2026年11月12日") date = &line;
        if (date || line.text().find("江州市生态环境局") != std::string::npos) continue;
        ++textAbove;
        textBottom = line.bottom;
      }
      ASSERT_NE(date, nullptr) << name << ": the date is not on the seal's page";
      EXPECT_GT(textAbove, 0) << name << ": the signature block stands alone on page " << seal.page + 1;
      EXPECT_LE(seal.bottom, kBodyBottom + 0.01) << name << ": the seal reaches below the 版心";
      EXPECT_GE(seal.top, textBottom) << name << ": the seal covers the text above it";
      EXPECT_LE(seal.top - textBottom, kLinePitch) << name << ": the seal is more than a line below the text";
      if (seal.page > 0 && bodyLines(page).size() <= 3) ++pushedOver;
      if (date->bottom > kBodyBottom - kLinePitch) ++dateOnTheLastLine;
    }
  }
  EXPECT_GT(pushedOver, 0);
  EXPECT_GT(dateOnTheLastLine, 0) << "a block that fits the page's last lines stays there";
}
