// Issue 12, item 6: the page rules of GB/T 9704 measured on what Poppler reads from the real
// binary's PDFs — the 版记 on an even last page (7.5), the seal page never without text
// (7.3.5.5), no widow or orphan lines in the 正文.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

constexpr double kBodyBottom = (37 + 225) * kPtPerMm;  // top-left origin, as poppler reports

// The sample reply with its 正文 replaced by `paragraphs`.
std::string replyWithBody(const std::vector<std::string>& paragraphs) {
  std::string body = "<body>";
  for (const auto& p : paragraphs) body += "<p>" + p + "</p>";
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
