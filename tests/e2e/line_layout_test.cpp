// Issue 12's layout of lines, measured on what Poppler reads from the rendered samples: titles and
// lists keep words and names whole (none of the breaks the issue listed), justified lines open no
// gap wider than 1/8 em beyond nominal, the 信函 title stands two lines below the 办理类别 mark, and
// the ordinal of a 附件说明 item is set apart from the name.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "pipeline/job/JobLoader.h"
#include "tests/e2e/RenderedSamples.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

// Every break issue 12 found in the samples: text ending one line, text starting the next.
const std::pair<const char*, const char*> kBadBreaks[] = {
    {"污水处理", "厂"},         {"集中式饮用", "水水源地"},   {"饮用水水源", "地"},
    {"东湖区生态环境", "分局"}, {"一起", "储罐泄漏事件"},     {"突发", "环境事件"},
    {"重点排污", "单位"},       {"生态环境", "保护督察"},     {"市十七届", "人大"},
    {"干部", "教育培训"},       {"江州市人民政", "府督查室"}, {"江州市自", "然资源和规划局"},
    {"产业开", "发区"},
};

bool endsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool startsWith(const std::string& s, const std::string& start) { return s.rfind(start, 0) == 0; }

bool isWide(const std::string& utf8) { return utf8.size() >= 3; }

// The names of a 、，-separated list, without the final mark.
std::vector<std::string> namesIn(const std::string& list) {
  std::vector<std::string> names;
  std::string name;
  for (size_t i = 0; i < list.size();) {
    const unsigned char lead = static_cast<unsigned char>(list[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::string c = list.substr(i, n);
    i += n;
    if (c == "、" || c == "，" || c == "," || c == "。" || c == "：") {
      if (!name.empty()) names.push_back(name);
      name.clear();
    } else {
      name += c;
    }
  }
  if (!name.empty()) names.push_back(name);
  return names;
}

using SampleLines = RenderedSamples;

// Titles and the 主送 and 抄送 lists; 正文 breaks between any two characters, as Chinese text does.
TEST_F(SampleLines, NoneOfTheBreaksTheIssueListedIsPresent) {
  for (const auto& s : samples_) {
    const auto doc = gongwen::job::loadJob(s.job);
    std::string titlesAndLists = doc.title.value + "\n" + doc.mainRecipients.value + "\n抄送：" +
                                 doc.copiesTo.value + "\n主送：" + doc.mainRecipients.value;
    for (const auto& a : doc.attachments) titlesAndLists += "\n" + a.title.value;
    PdfInspect pdf(s.pdf);
    for (int page = 0; page < pdf.pages(); ++page) {
      const auto lines = pdf.lines(page);
      for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string above = lines[i].text(), below = lines[i + 1].text();
        if (titlesAndLists.find(above + below) == std::string::npos) continue;
        for (const auto& [end, start] : kBadBreaks) {
          EXPECT_FALSE(endsWith(above, end) && startsWith(below, start))
              << s.job << " page " << page + 1 << ": \"" << above << " / " << below << "\"";
        }
      }
    }
  }
}

TEST_F(SampleLines, EveryNameOfTheMainAndCopyListsStandsWholeOnOneLine) {
  int checked = 0;
  for (const auto& s : samples_) {
    const auto doc = gongwen::job::loadJob(s.job);
    PdfInspect pdf(s.pdf);
    std::vector<std::string> texts;
    for (int page = 0; page < pdf.pages(); ++page) {
      for (const auto& line : pdf.lines(page)) texts.push_back(line.text());
    }
    std::vector<std::string> names = namesIn(doc.mainRecipients.value);
    for (const std::string& name : namesIn(doc.copiesTo.value)) names.push_back(name);
    for (const std::string& name : names) {
      bool whole = false;
      for (const std::string& t : texts) whole |= t.find(name) != std::string::npos;
      EXPECT_TRUE(whole) << s.job << ": \"" << name << "\" is split across lines";
      ++checked;
    }
  }
  EXPECT_GT(checked, 20);
}

// CLREQ: a justified line spreads its slack over the gaps, none more than 1/8 em beyond its
// natural width. Gaps wider than a quarter 字 are deliberate (a space after an ordinal, the 签发人
// names, a date set flush right), not justification.
TEST_F(SampleLines, NoGapOfAnyLineIsMoreThanAnEighthEmWiderThanNominal) {
  int gaps = 0;
  for (const auto& s : samples_) {
    PdfInspect pdf(s.pdf);
    for (int page = 0; page < pdf.pages(); ++page) {
      for (const auto& line : pdf.lines(page)) {
        for (size_t i = 0; i + 1 < line.chars.size(); ++i) {
          const CharBox& a = line.chars[i];
          const CharBox& b = line.chars[i + 1];
          if (a.text == " " || b.text == " ") continue;
          const double nominal =
              isWide(a.text) && a.fontSize < 17 ? kCharCell * a.fontSize / 16 : a.right - a.left;
          const double extra = b.left - a.left - nominal;
          if (extra > kCharCell / 4) continue;
          ++gaps;
          EXPECT_LE(extra, a.fontSize / 8 + 0.3)
              << s.job << " page " << page + 1 << " after \"" << a.text << "\" in " << line.text();
        }
      }
    }
  }
  EXPECT_GT(gaps, 1000);
}

// A number that ICU keeps whole (96.4%。) does not end a paragraph alone on its line: the line
// above gives it a companion, as it does a lone character.
TEST_F(SampleLines, NoLineHoldsANumberAlone) {
  const std::regex loneNumber("^[0-9][0-9.%]*(。|，|；)$");
  for (const auto& s : samples_) {
    PdfInspect pdf(s.pdf);
    for (int page = 0; page < pdf.pages(); ++page) {
      for (const auto& line : pdf.lines(page)) {
        EXPECT_FALSE(std::regex_match(line.text(), loneNumber))
            << s.job << " page " << page + 1 << ": " << line.text();
      }
    }
  }
}

TEST_F(SampleLines, TheLetterTitleStandsTwoLinesBelowTheHandlingClassMark) {
  for (const char* stem : {"letter-cppcc-proposal", "letter-deputy-suggestion"}) {
    PdfInspect pdf(sample(stem).pdf);
    const auto lines = pdf.lines(0);
    size_t title = 0;
    while (title < lines.size() && std::abs(lines[title].chars.front().fontSize - 22) > 0.5) ++title;
    ASSERT_LT(title, lines.size()) << stem;
    ASSERT_GT(title, 0u) << stem;
    const auto& mark = lines[title - 1];
    ASSERT_EQ(mark.text().size(), 1u) << stem << ": the line above the title is the A/B/C mark";
    EXPECT_NEAR(lines[title].top - mark.bottom, 2 * kLinePitch, 0.05 * kPtPerMm) << stem;
  }
}

TEST_F(SampleLines, AnAttachmentOrdinalIsSetHalfACharacterApartFromItsName) {
  PdfInspect pdf(sample("request-special-funds").pdf);
  int ordinals = 0;
  for (int page = 0; page < pdf.pages(); ++page) {
    for (const auto& line : pdf.lines(page)) {
      const std::string text = line.text();
      if (text.find("2027年度") == std::string::npos || text.find("清单") != std::string::npos) {
        if (text.find("附件：") == std::string::npos && !startsWith(text, "2.")) continue;
      }
      for (size_t i = 1; i + 1 < line.chars.size(); ++i) {
        if (line.chars[i].text != "." || !std::isdigit(static_cast<unsigned char>(line.chars[i - 1].text[0])))
          continue;
        ++ordinals;
        EXPECT_GE(line.chars[i + 1].left - line.chars[i].right, kCharCell / 2 - 0.3) << text;
      }
    }
  }
  EXPECT_EQ(ordinals, 2);
}

}  // namespace
