// End-to-end: every sample job rendered by the real binary, then read back by independent tools
// (qpdf, pdffonts, pdftotext, poppler-cpp) — never by gongwen's own code.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "pipeline/job/JobLoader.h"
#include "tests/e2e/RenderedSamples.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

constexpr double kHalfMm = 0.5 * kPtPerMm;
std::vector<std::string> tokens(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

bool isWide(const std::string& utf8) { return utf8.size() >= 3; }

// Texts of the job in document order, as the clerk wrote them.
std::vector<std::string> jobTexts(const gongwen::model::Document& d) {
  std::vector<std::string> t;
  auto add = [&](const gongwen::model::Text& x) {
    if (!x.empty()) t.push_back(withoutWhitespace(x.value));
  };
  add(d.copyNumber);
  if (d.classification) add(d.classification->level), add(d.classification->period);
  add(d.urgency);
  for (const auto& i : d.issuers) add(i);
  add(d.docNumber);
  for (const auto& s : d.signers) add(s);
  // The 命令格式 prints no title (GB/T 9704 10.2).
  if (d.tmpl.format != gongwen::model::LayoutFormat::Decree) add(d.title);
  add(d.mainRecipients);
  for (const auto& b : d.body) add(b.text);
  for (const auto& a : d.attachments) add(a.title);
  for (const auto& s : d.signatories) add(s.name);
  add(d.date);
  add(d.note);
  for (const auto& a : d.attendance) {
    // The layout adds the colon after 出席/请假/列席 (GB/T 9704 10.3).
    t.push_back(withoutWhitespace(a.label.value) + "：");
    add(a.names);
  }
  for (const auto& a : d.attachments) {
    add(a.title);
    for (const auto& b : a.blocks) add(b.text);
  }
  add(d.copiesTo);
  add(d.printer);
  add(d.printDate);
  add(d.handlingClass);
  return t;
}

// Removes one occurrence of `needle` from `hay`; false when it is not there.
bool takeOut(std::string& hay, const std::string& needle) {
  const auto at = hay.find(needle);
  if (at == std::string::npos) return false;
  hay.erase(at, needle.size());
  return true;
}

}  // namespace

TEST_F(RenderedSamples, QpdfFindsNoProblems) {
  for (const auto& s : samples_) {
    const auto r = run({"qpdf", "--check", s.pdf});
    EXPECT_EQ(r.exitCode, 0) << s.job << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << s.job << r.out;
    EXPECT_EQ(r.err, "") << s.job;
  }
}

TEST_F(RenderedSamples, EveryFontIsEmbeddedSubsetAndHasToUnicode) {
  for (const auto& s : samples_) {
    const auto r = run({"pdffonts", s.pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream in(r.out);
    std::string line;
    int fonts = 0;
    for (int i = 0; std::getline(in, line); ++i) {
      if (i < 2 || line.empty()) continue;  // header and rule
      const auto t = tokens(line);
      ASSERT_GE(t.size(), 7u) << line;
      // ... emb sub uni <object> <generation>
      EXPECT_EQ(t[t.size() - 5], "yes") << s.job << ": not embedded: " << line;
      EXPECT_EQ(t[t.size() - 4], "yes") << s.job << ": not subset: " << line;
      EXPECT_EQ(t[t.size() - 3], "yes") << s.job << ": no ToUnicode: " << line;
      EXPECT_EQ(t[0].find('+'), 6u) << "subset tag ABCDEF+: " << line;
      ++fonts;
    }
    EXPECT_GE(fonts, 3) << s.job << ": 仿宋, 小标宋 and 宋体 at least";
  }
}

TEST_F(RenderedSamples, PdftotextGivesBackExactlyTheJobsText) {
  for (const auto& s : samples_) {
    const auto r = run({"pdftotext", "-enc", "UTF-8", s.pdf, "-"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // Page numbers (— N —) stand on lines of their own between pages.
    const std::string text = std::regex_replace(r.out, std::regex("(^|\n)— [0-9]+ —(?=\n)"), "$1");
    std::string rest = withoutWhitespace(text);
    const auto doc = gongwen::job::loadJob(s.job);
    for (const auto& expected : jobTexts(doc)) {
      EXPECT_TRUE(takeOut(rest, expected)) << s.job << ": missing from the PDF's text: " << expected;
    }
    // What is left must be only what GB/T 9704 adds around the clerk's text.
    for (const char* label : {"签发人：", "抄送：", "印发", "附件：", "★"}) {
      while (takeOut(rest, label)) {
      }
    }
    if (!doc.tmpl.markSuffix.empty()) {
      while (takeOut(rest, doc.tmpl.markSuffix)) {
      }
    }
    // Attachment labels (附件2) and the numbers of the 附件说明 list (1. 2.).
    const std::string leftover = std::regex_replace(rest, std::regex("附件[0-9]*|[0-9]+\\."), "");
    EXPECT_EQ(leftover, "") << s.job << ": text in the PDF that the job does not have";
  }
}

TEST_F(RenderedSamples, PagesAreA4) {
  for (const auto& s : samples_) {
    PdfInspect pdf(s.pdf);
    for (int p = 0; p < pdf.pages(); ++p) {
      const auto [w, h] = pdf.pageSize(p);
      EXPECT_NEAR(w, 595.28, 0.5) << s.job << " page " << p + 1;
      EXPECT_NEAR(h, 841.89, 0.5) << s.job << " page " << p + 1;
    }
  }
}

TEST_F(RenderedSamples, BodyTextStartsAtTheBindingMarginOnTheGrid) {
  const auto& s = longest();
  PdfInspect pdf(s.pdf);
  ASSERT_GE(pdf.pages(), 3) << "the multi-page sample has body pages and an attachment";
  // Page 2 is all 正文: no 版头 on it, and the attachment starts later.
  const auto lines = pdf.lines(1);
  int flushLeft = 0, full = 0, inBody = 0;
  for (const auto& line : lines) {
    if (line.top < kBodyTop - 1 || line.bottom > kBodyBottom + 1) continue;  // page number
    ++inBody;
    const double left = line.left();
    const bool atMargin = std::fabs(left - kBodyLeft) <= kHalfMm;
    const bool indented = std::fabs(left - (kBodyLeft + 2 * kCharCell)) <= kHalfMm;
    EXPECT_TRUE(atMargin || indented) << "line starts at " << left / kPtPerMm << " mm: " << line.text();
    flushLeft += atMargin;
    const bool allWide =
        std::all_of(line.chars.begin(), line.chars.end(), [](const CharBox& c) { return isWide(c.text); });
    if (atMargin && allWide && std::fabs(line.right() - kBodyRight) <= 1.5 * kPtPerMm) {
      ++full;
      EXPECT_EQ(line.chars.size(), 28u) << line.text();
    }
    EXPECT_LE(line.right(), kBodyRight + kHalfMm) << "beyond the 版心: " << line.text();
  }
  EXPECT_GT(flushLeft, 0);
  EXPECT_GT(full, 0) << "a full line of 28 characters";
  // Keeping a paragraph's lines and a heading with its text may leave the page's last grid lines blank.
  EXPECT_GE(inBody, 18) << "a body page is all but full";
  EXPECT_LE(inBody, 22) << "a page holds 22 lines";
}

TEST_F(RenderedSamples, LinesFollowThePitchOfTheGrid) {
  const auto& s = longest();
  PdfInspect pdf(s.pdf);
  const auto lines = pdf.lines(1);
  std::vector<double> bottoms;
  for (const auto& l : lines) {
    if (l.top >= kBodyTop - 1 && l.bottom <= kBodyBottom + 1) bottoms.push_back(l.bottom);
  }
  ASSERT_GE(bottoms.size(), 2u);
  for (size_t i = 1; i < bottoms.size(); ++i) {
    EXPECT_NEAR(bottoms[i] - bottoms[i - 1], kLinePitch, 0.2) << "line " << i;
  }
}

TEST_F(RenderedSamples, PageNumbersSitSevenMillimetresBelowTheTypeAreaOddRightEvenLeft) {
  const auto& s = longest();
  PdfInspect pdf(s.pdf);
  for (int p = 0; p < pdf.pages(); ++p) {
    const auto lines = pdf.lines(p);
    const TextLine* number = nullptr;
    for (const auto& l : lines) {
      if (l.top > kBodyBottom) number = &l;
    }
    if (!number) continue;  // a 版记-only last page may go unnumbered (7.5)
    ASSERT_GE(number->chars.size(), 3u);
    EXPECT_EQ(number->chars.front().text, "—");
    EXPECT_EQ(number->chars.back().text, "—");
    std::string digits;
    for (const auto& c : number->chars) {
      if (c.text.size() == 1 && std::isdigit(static_cast<unsigned char>(c.text[0]))) digits += c.text;
    }
    EXPECT_EQ(digits, std::to_string(p + 1));
    // 4号 = 14 pt.
    EXPECT_NEAR(number->chars.front().fontSize, 14, 0.5);
    if ((p + 1) % 2 == 1) {
      EXPECT_NEAR(number->right(), kBodyRight - kCharCell, 1 * kPtPerMm) << "odd page " << p + 1;
    } else {
      EXPECT_NEAR(number->left(), kBodyLeft + kCharCell, 1 * kPtPerMm) << "even page " << p + 1;
    }
    // The top of the 一字线's ink, measured on the rendered page.
    const Raster r = pdf.render(p, 300);
    const auto& dash = number->chars.front();
    int inkTop = -1;
    for (int y = static_cast<int>(kBodyBottom * 300 / 72); y < r.height && inkTop < 0; ++y) {
      for (int x = static_cast<int>(dash.left * 300 / 72) + 2;
           x < static_cast<int>(dash.right * 300 / 72) - 2; ++x) {
        if (r.ink(x, y)) {
          inkTop = y;
          break;
        }
      }
    }
    ASSERT_GE(inkTop, 0) << "no 一字线 drawn on page " << p + 1;
    EXPECT_NEAR(r.toPt(inkTop) - kBodyBottom, 7 * kPtPerMm, kHalfMm) << "page " << p + 1;
  }
}

TEST_F(RenderedSamples, LastColophonRuleLiesOnTheBottomEdgeOfTheTypeArea) {
  for (const auto& s : samples_) {
    if (s.job.find("letter") != std::string::npos) continue;  // 信函格式: no 版记 lines (10.1)
    PdfInspect pdf(s.pdf);
    const Raster r = pdf.render(pdf.pages() - 1, 300);
    // The lowest row with a black horizontal run at least 150 mm long.
    const int minRun = static_cast<int>(150 / 25.4 * 300);
    int lowest = -1;
    for (int y = 0; y < r.height; ++y) {
      int run = 0, best = 0;
      for (int x = 0; x < r.width; ++x) {
        run = r.ink(x, y) && r.redness[static_cast<size_t>(y) * r.width + x] < 64 ? run + 1 : 0;
        best = std::max(best, run);
      }
      if (best >= minRun) lowest = y;
    }
    ASSERT_GE(lowest, 0) << s.job << ": no 版记 line on the last page";
    EXPECT_NEAR(r.toPt(lowest), kBodyBottom, kHalfMm) << s.job;
  }
}

TEST_F(RenderedSamples, SealFieldTopIsWithinOneLineOfTheLastTextLine) {
  int sealed = 0;
  for (const auto& s : samples_) {
    const auto r = run({"qpdf", "--json", s.pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& field : json["acroform"]["fields"]) {
      // A 签名章 stands two lines below the text (7.3.5.3): tests/e2e/decree_format_test.cpp.
      if (field["fieldtype"] != "/Sig" || field["fullname"].get<std::string>().rfind("签名章", 0) == 0)
        continue;
      ++sealed;
      EXPECT_TRUE(field["value"].is_null()) << s.job << ": the seal field must be empty before signing";
      const std::string widgetId = field["annotation"]["object"];
      const auto& widget = json["qpdf"][1]["obj:" + widgetId]["value"];
      const auto& rect = widget["/Rect"];
      const double sealTop = kPageHeight - std::max(rect[1].get<double>(), rect[3].get<double>());
      double lastLineBottom = -1;
      const int page = field["pageposfrom1"].get<int>() - 1;
      for (const auto& line : PdfInspect(s.pdf).lines(page)) {
        if (line.bottom <= sealTop + 1) lastLineBottom = std::max(lastLineBottom, line.bottom);
      }
      ASSERT_GT(lastLineBottom, 0) << s.job;
      EXPECT_LE(sealTop - lastLineBottom, kLinePitch) << s.job << ": seal top too far below the text";
      EXPECT_GE(sealTop - lastLineBottom, -1.0) << s.job;
    }
  }
  EXPECT_GE(sealed, 4) << "the sealed samples carry an empty seal field";
}
