// Geometry of whole documents laid out with the shipped fonts: the numbers GB/T 9704 gives for
// the grid, header, signature block, 版记 and page numbers, checked on the Frames.

#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/core/Error.h"
#include "pipeline/layout/Colophon.h"
#include "pipeline/layout/DocumentLayout.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/PageNumbers.h"
#include "pipeline/layout/SignatureBlock.h"
#include "tests/layout/FramesInspect.h"
#include "tests/layout/RealFonts.h"

namespace gongwen::layout {
namespace {

using fonts::FontRole;
using testing::linesIn;
using testing::notice;
using testing::realFonts;
using testing::text;
using testing::VisualLine;
using testing::visualLines;

constexpr double kTolerance = 0.01;  // points
// Where a full-width 3号 character sits in its grid cell (centred: the cell is narrower than 16 pt).
constexpr double kInset = (kGridCell - kSize3) / 2;

std::vector<VisualLine> bodyLines(const Page& page) { return linesIn(page, FontRole::Fangsong, kSize3); }

double emBottom(const VisualLine& line) { return line.baseline - (1 - kEmAscent) * line.sizePt; }

TEST(DocumentLayout, BodyLinesStartAt28mmAndHold28CharactersOnTheGrid) {
  const Frames frames = layOut(notice(6), realFonts());
  const std::vector<VisualLine> lines = bodyLines(frames.pages.at(1));
  int fullLines = 0;
  for (const VisualLine& line : lines) {
    if (line.chars.size() != kCharsPerLine) continue;
    ++fullLines;
    EXPECT_NEAR(line.chars.front().x, mm(28) + kInset, kTolerance);
    for (size_t i = 0; i < line.chars.size(); ++i) {
      EXPECT_NEAR(line.chars[i].x, kTypeLeft + i * kGridCell + kInset, kTolerance) << "char " << i;
    }
  }
  EXPECT_GE(fullLines, 10);
}

TEST(DocumentLayout, FirstLinesAreIndentedTwoCharacters) {
  const Frames frames = layOut(notice(6), realFonts());
  int indented = 0;
  for (const VisualLine& line : bodyLines(frames.pages.at(1))) {
    if (line.chars.size() == kCharsPerLine - 2) {
      ++indented;
      EXPECT_NEAR(line.chars.front().x, kTypeLeft + 2 * kGridCell + kInset, kTolerance);
    }
  }
  EXPECT_GE(indented, 3);
}

TEST(DocumentLayout, AFullPageHolds22LinesInsideTheTypeArea) {
  const Frames frames = layOut(notice(12), realFonts());
  ASSERT_GE(frames.pages.size(), 3u);
  const std::vector<VisualLine> lines = bodyLines(frames.pages[1]);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kLinesPerPage));
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].baseline, baselineInSlot(static_cast<int>(i), kSize3), kTolerance);
    if (i > 0) {
      EXPECT_NEAR(lines[i - 1].baseline - lines[i].baseline, mm(225) / 22, kTolerance);
    }
  }
  EXPECT_LE(lines.front().baseline + kEmAscent * kSize3, kTypeTop);
  EXPECT_GE(emBottom(lines.back()), kTypeBottom);
  EXPECT_NEAR(kTypeTop, kPageHeight - mm(37), kTolerance);
}

TEST(DocumentLayout, PageNumbersSitBelowTheTypeAreaOddRightEvenLeft) {
  const Frames frames = layOut(notice(12), realFonts());
  const double expectedBaseline = kTypeBottom - mm(7) - kDashStrokeTopEm * kSize4;
  for (size_t i = 0; i < frames.pages.size(); ++i) {
    const std::vector<VisualLine> numbers = linesIn(frames.pages[i], FontRole::Songti, kSize4);
    ASSERT_EQ(numbers.size(), 1u) << "page " << i + 1;
    const VisualLine& n = numbers.front();
    EXPECT_EQ(n.text(), U"\u2014" + std::u32string(1, U'0' + static_cast<char32_t>((i + 1) % 10)) + U"\u2014")
        << "page " << i + 1;
    EXPECT_NEAR(n.baseline, expectedBaseline, kTolerance);
    if ((i + 1) % 2 == 0) {
      EXPECT_NEAR(n.chars.front().x, kTypeLeft + kSize4, kTolerance) << "even page " << i + 1;
    } else {
      // The closing 一字线 is a full 字 of 4号: its box ends one 字 in from the right edge.
      EXPECT_NEAR(n.chars.back().x + kSize4, kTypeRight - kSize4, kTolerance) << "odd page " << i + 1;
    }
  }
}

TEST(DocumentLayout, ColophonEndsOnTheTypeAreaBottomWithThickAndThinSeparators) {
  const Frames frames = layOut(notice(3), realFonts());
  const Page& last = frames.pages.back();
  ASSERT_EQ(last.rules.size(), 3u);
  std::vector<Rule> rules = last.rules;
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.y1 > b.y1; });
  EXPECT_NEAR(rules[0].widthPt, mm(0.35), kTolerance);
  EXPECT_NEAR(rules[1].widthPt, mm(0.25), kTolerance);
  EXPECT_NEAR(rules[2].widthPt, mm(0.35), kTolerance);
  EXPECT_NEAR(rules[2].y1 - rules[2].widthPt / 2, kTypeBottom, kTolerance)
      << "last separator on the 版心 bottom";
  for (const Rule& r : rules) {
    EXPECT_NEAR(r.x1, kTypeLeft, kTolerance);
    EXPECT_NEAR(r.x2, kTypeRight, kTolerance);
    EXPECT_EQ(r.color, kBlack);
  }
  const std::vector<VisualLine> items = linesIn(last, FontRole::Fangsong, kSize4);
  ASSERT_EQ(items.size(), 2u);  // 抄送; 印发机关 and 印发日期 on one line
  EXPECT_EQ(items[0].text().substr(0, 3), U"抄送：");
  EXPECT_NEAR(items[0].chars.front().x, kTypeLeft + kSize4, kTolerance);
  EXPECT_GT(items[0].baseline, rules[1].y1);
  EXPECT_LT(items[0].baseline, rules[0].y1);
  EXPECT_EQ(items[1].text(), U"江州市生态环境局办公室2026年11月27日印发");
  EXPECT_NEAR(items[1].chars.front().x, kTypeLeft + kSize4, kTolerance);
  EXPECT_NEAR(items[1].chars.back().x + kSize4, kTypeRight - kSize4, kTolerance);
  EXPECT_NEAR(items[1].baseline, baselineInSlot(kLinesPerPage - 1, kSize4), kTolerance);
}

TEST(DocumentLayout, AMainRecipientListTooLongForPageOneMovesToTheColophon) {
  model::Document d = notice(2);
  std::string recipients;
  for (int i = 1; i <= 40; ++i) recipients += "江州市第" + std::to_string(i) + "区生态环境分局，";
  d.mainRecipients = text(recipients + "局机关各处室：");
  const Frames frames = layOut(d, realFonts());
  const std::vector<VisualLine> firstPage = bodyLines(frames.pages.front());
  ASSERT_FALSE(firstPage.empty());
  EXPECT_TRUE(std::any_of(firstPage.begin(), firstPage.end(), [](const VisualLine& l) {
    return l.text().substr(0, 5) == U"为深入贯彻";
  })) << "正文 shows on page 1";
  const std::vector<VisualLine> colophon = linesIn(frames.pages.back(), FontRole::Fangsong, kSize4);
  ASSERT_GE(colophon.size(), 3u);
  EXPECT_EQ(colophon.front().text().substr(0, 3), U"主送：");
  const auto copies = std::find_if(colophon.begin(), colophon.end(),
                                   [](const VisualLine& l) { return l.text().substr(0, 3) == U"抄送："; });
  ASSERT_NE(copies, colophon.end());
  ASSERT_NE(copies, colophon.begin());
  EXPECT_EQ((copies - 1)->text().back(), U'。') << "主送 list ends with 。 in the 版记";
  // No separator between 主送 and 抄送: the only rules are the first, the thin one and the last.
  EXPECT_EQ(frames.pages.back().rules.size(), 3u);
  for (const Rule& r : frames.pages.back().rules) {
    EXPECT_FALSE(r.y1 < colophon.front().baseline && r.y1 > copies->baseline) << "rule between 主送 and 抄送";
  }
}

TEST(DocumentLayout, SealBoxTopIsWithinOneLineOfTheLastTextLineAndPressesNameAndDate) {
  const Frames frames = layOut(notice(2), realFonts());
  const Page* sealed = nullptr;
  for (const Page& p : frames.pages) {
    if (!p.sealFields.empty()) sealed = &p;
  }
  ASSERT_NE(sealed, nullptr);
  ASSERT_EQ(sealed->sealFields.size(), 1u);
  const SealField& seal = sealed->sealFields.front();
  EXPECT_EQ(seal.sealId, "seal-bureau");
  EXPECT_NEAR(seal.width, mm(42), kTolerance);
  const double sealTop = seal.y + seal.height;

  const std::vector<VisualLine> lines = bodyLines(*sealed);
  const auto date = std::find_if(lines.begin(), lines.end(),
                                 [](const VisualLine& l) { return l.text() == U"2026年11月27日"; });
  ASSERT_NE(date, lines.end());
  ASSERT_GE(date - lines.begin(), 2);
  const VisualLine& name = *(date - 1);
  EXPECT_EQ(name.text(), U"江州市生态环境局");
  const VisualLine& lastText = *(date - 2);
  const double gap = emBottom(lastText) - sealTop;
  EXPECT_GE(gap, 0) << "the seal must not cover the text above";
  EXPECT_LE(gap, kLinePitch) << "seal top within one line of the last text line";

  // Date right-indented 4 字, the name centred on it, both in the seal's lower half.
  const double dateRight = date->chars.back().x - kInset + kGridCell;
  EXPECT_NEAR(dateRight, kTypeRight - 4 * kGridCell, 0.5);
  const double dateCentre = (date->chars.front().x + date->chars.back().x + kGridCell) / 2;
  const double nameCentre = (name.chars.front().x + name.chars.back().x + kGridCell) / 2;
  EXPECT_NEAR(nameCentre, dateCentre, 1.0);
  EXPECT_NEAR(seal.x + seal.width / 2, dateCentre, 1.0);
  for (const VisualLine* l : {&name, &*date}) {
    EXPECT_LT(l->baseline, seal.y + seal.height / 2);
    EXPECT_GT(emBottom(*l), seal.y);
  }
}

// Body lengths that put the signature block and the 版记 at every position on the page,
// including the ones that force them onto a new page.
TEST(DocumentLayout, EveryBodyLengthKeepsTextInTheTypeAreaAndTheSealWithinALineOfItsText) {
  for (int paragraphs = 1; paragraphs <= 7; ++paragraphs) {
    for (int shortLines = 0; shortLines <= 4; ++shortLines) {
      model::Document d = notice(paragraphs);
      for (int i = 0; i < shortLines; ++i) d.body.push_back(testing::paragraph("特此通知。"));
      const Frames frames = layOut(d, realFonts());
      const std::string label = std::to_string(paragraphs) + "+" + std::to_string(shortLines);
      int seals = 0;
      for (size_t p = 0; p < frames.pages.size(); ++p) {
        const std::vector<VisualLine> lines = bodyLines(frames.pages[p]);
        for (const VisualLine& l : lines) {
          EXPECT_LE(l.baseline + kEmAscent * kSize3, kTypeTop + kTolerance) << label;
          EXPECT_GE(emBottom(l), kTypeBottom - kTolerance) << label;
          EXPECT_GE(l.chars.front().x, kTypeLeft + kInset - kTolerance) << label;
          EXPECT_LE(l.chars.back().x, kTypeRight - kGridCell + kInset + kTolerance) << label;
        }
        for (const SealField& seal : frames.pages[p].sealFields) {
          ++seals;
          const double sealTop = seal.y + seal.height;
          double nearest = 1e9;
          for (const VisualLine& l : lines) {
            if (emBottom(l) >= sealTop) nearest = std::min(nearest, emBottom(l) - sealTop);
          }
          EXPECT_LE(nearest, kLinePitch) << label << ": seal on page " << p + 1 << " far from its text";
          EXPECT_GE(seal.y, kTypeBottom - kTolerance) << label << ": seal below the 版心";
        }
      }
      EXPECT_EQ(seals, 1) << label;
      const std::vector<Rule>& rules = frames.pages.back().rules;
      ASSERT_FALSE(rules.empty()) << label;
      const auto lowest = std::min_element(rules.begin(), rules.end(),
                                           [](const Rule& a, const Rule& b) { return a.y1 < b.y1; });
      EXPECT_NEAR(lowest->y1 - lowest->widthPt / 2, kTypeBottom, kTolerance) << label;
    }
  }
}

TEST(DocumentLayout, AHeadingNeverStandsAloneOnAPagesLastLine) {
  for (int shortLines = 0; shortLines < kLinesPerPage; ++shortLines) {
    model::Document d = notice(2);
    for (int i = 0; i < shortLines; ++i) d.body.push_back(testing::paragraph("特此通知。"));
    d.body.push_back(testing::paragraph("一、总体要求", model::BlockKind::Heading1));
    d.body.push_back(testing::paragraph("各单位要高度重视。"));
    const Frames frames = layOut(d, realFonts());
    for (const Page& page : frames.pages) {
      for (const VisualLine& heading : linesIn(page, FontRole::Heiti, kSize3)) {
        EXPECT_GT(heading.baseline, baselineInSlot(kLinesPerPage - 1, kSize3) + kTolerance)
            << "heading on the last line after " << shortLines << " short paragraphs";
      }
    }
  }
}

TEST(DocumentLayout, JointSealsStandInOneRowWithoutTouching) {
  model::Document d = notice(2);
  d.signatories = {model::Signatory{text("江州市生态环境局"), text("seal-a")},
                   model::Signatory{text("江州市应急管理局"), text("seal-b")}};
  const Frames frames = layOut(d, realFonts());
  std::vector<SealField> seals;
  for (const Page& p : frames.pages) seals.insert(seals.end(), p.sealFields.begin(), p.sealFields.end());
  ASSERT_EQ(seals.size(), 2u);
  EXPECT_EQ(seals[0].sealId, "seal-a");
  EXPECT_EQ(seals[1].sealId, "seal-b");
  EXPECT_NE(seals[0].name, seals[1].name);
  EXPECT_NEAR(seals[0].y, seals[1].y, kTolerance);
  EXPECT_GT(seals[1].x, seals[0].x + seals[0].width) << "seals must not touch";
  for (const SealField& s : seals) {
    EXPECT_GE(s.x, kTypeLeft);
    EXPECT_LE(s.x + s.width, kTypeRight);
  }
}

// Regression: a Party group's long name beside the bureau's ran into it on one line.
TEST(DocumentLayout, JointOrganNamesNeverRunIntoEachOther) {
  model::Document d = notice(2);
  d.signatories = {model::Signatory{text("中共江州市生态环境局党组"), text("party-seal")},
                   model::Signatory{text("江州市生态环境局"), text("administrative-seal")}};
  const Frames frames = layOut(d, realFonts());
  size_t seals = 0;
  for (const Page& page : frames.pages) {
    seals += page.sealFields.size();
    for (size_t a = 0; a < page.runs.size(); ++a) {
      for (size_t b = a + 1; b < page.runs.size(); ++b) {
        const TextRun& r = page.runs[a];
        const TextRun& q = page.runs[b];
        if (r.chars.empty() || q.chars.empty() || std::fabs(r.baseline - q.baseline) > kTolerance) continue;
        const double rEnd = r.chars.back().x + r.sizePt, qEnd = q.chars.back().x + q.sizePt;
        EXPECT_TRUE(rEnd <= q.chars.front().x + kTolerance || qEnd <= r.chars.front().x + kTolerance)
            << "two runs overlap on one line";
      }
      for (const PlacedChar& c : page.runs[a].chars) {
        EXPECT_GE(c.x, kTypeLeft - 0.5);  // a 3号 character is centred in its 字 cell
        EXPECT_LE(c.x + page.runs[a].sizePt, kTypeRight + 1.0);
      }
    }
  }
  EXPECT_EQ(seals, 2u);
}

TEST(DocumentLayout, UnsealedSignatureIsRightIndentedTwoCharactersWithTheDateTwoFurtherRight) {
  model::Document d = notice(1);
  d.signatories = {model::Signatory{text("江州市生态环境局办公室"), text("")}};
  const Frames frames = layOut(d, realFonts());
  std::vector<VisualLine> lines;
  for (const Page& page : frames.pages) {
    EXPECT_TRUE(page.sealFields.empty());
    for (VisualLine& l : bodyLines(page)) lines.push_back(std::move(l));
  }
  const auto date = std::find_if(lines.begin(), lines.end(),
                                 [](const VisualLine& l) { return l.text() == U"2026年11月27日"; });
  ASSERT_NE(date, lines.end());
  const VisualLine& name = *(date - 1);
  EXPECT_NEAR(name.chars.back().x - kInset + kGridCell, kTypeRight - 2 * kGridCell, kTolerance);
  EXPECT_NEAR(date->chars.front().x - name.chars.front().x, 2 * kGridCell, 0.5);
  EXPECT_NEAR(name.baseline - date->baseline, kLinePitch, kTolerance);
}

TEST(DocumentLayout, HeaderPutsTheMarkNumberAndRedLineWhereTheStandardSays) {
  const Frames frames = layOut(notice(1), realFonts());
  const Page& first = frames.pages.front();
  std::vector<VisualLine> marks;
  for (VisualLine& l : visualLines(first)) {
    if (l.color == kRed) marks.push_back(std::move(l));
  }
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].text(), U"江州市生态环境局文件");
  EXPECT_EQ(marks[0].role, FontRole::Xiaobiaosong);
  EXPECT_NEAR(marks[0].baseline + kEmAscent * marks[0].sizePt, kTypeTop - mm(35), kTolerance);
  const double markLeft = marks[0].chars.front().x;
  const double markRight = marks[0].chars.back().x + marks[0].sizePt;
  EXPECT_NEAR(markLeft - kTypeLeft, kTypeRight - markRight, 0.5) << "mark centred";

  const std::vector<VisualLine> body = bodyLines(first);
  const auto number = std::find_if(body.begin(), body.end(),
                                   [](const VisualLine& l) { return l.text() == U"江环发〔2026〕12号"; });
  ASSERT_NE(number, body.end());
  const double markBottom = marks[0].baseline - (1 - kEmAscent) * marks[0].sizePt;
  EXPECT_NEAR(markBottom - (number->baseline + kEmAscent * kSize3),
              2 * kLinePitch + (kLinePitch - kSize3) / 2, kTolerance)
      << "number two blank lines below the mark";
  ASSERT_EQ(first.rules.size(), 1u);
  const Rule& red = first.rules.front();
  EXPECT_EQ(red.color, kRed);
  EXPECT_NEAR(red.x2 - red.x1, mm(156), kTolerance);
  EXPECT_NEAR(emBottom(*number) - (red.y1 + red.widthPt / 2), mm(4), kTolerance);
  // Title two blank lines below the separator, on the nearest grid line.
  const std::vector<VisualLine> title = linesIn(first, FontRole::Xiaobiaosong, kSize2);
  ASSERT_FALSE(title.empty());
  const double titleSlotTop = title.front().baseline + kEmAscent * kSize2 + (kLinePitch - kSize2) / 2;
  EXPECT_NEAR((red.y1 - titleSlotTop) / kLinePitch, 2.0, 0.5);
}

TEST(DocumentLayout, UpwardDocumentsPutNumberLeftAndSignerRightOnOneLine) {
  model::Document d = notice(1);
  d.tmpl.direction = model::Direction::Up;
  d.signers = {text("陈建国")};
  const Frames frames = layOut(d, realFonts());
  const std::vector<VisualLine> signer = linesIn(frames.pages.front(), FontRole::Kaiti, kSize3);
  ASSERT_EQ(signer.size(), 1u);
  EXPECT_EQ(signer[0].text(), U"陈建国");
  EXPECT_NEAR(signer[0].chars.back().x - kInset + kGridCell, kTypeRight - kGridCell, kTolerance);
  // The number and the 签发人 label share the line (and the 仿宋 role).
  const std::vector<VisualLine> body = bodyLines(frames.pages.front());
  const auto number = std::find_if(body.begin(), body.end(), [](const VisualLine& l) {
    return l.text() == U"江环发〔2026〕12号签发人：";
  });
  ASSERT_NE(number, body.end());
  EXPECT_NEAR(number->chars.front().x - kInset, kTypeLeft + kGridCell, kTolerance);
  EXPECT_NEAR(number->chars.back().x - kInset + kGridCell, signer[0].chars.front().x - kInset, kTolerance);
  EXPECT_NEAR(number->baseline, signer[0].baseline, kTolerance);
}

TEST(DocumentLayout, SeveralSignersTakeTwoNamesALineAlignedWithTheNumberOnTheLast) {
  model::Document d = notice(1);
  d.tmpl.direction = model::Direction::Up;
  d.signers = {text("陈建国"), text("李卫东"), text("王海燕")};
  const Frames frames = layOut(d, realFonts());
  const std::vector<VisualLine> names = linesIn(frames.pages.front(), FontRole::Kaiti, kSize3);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].text(), U"陈建国李卫东");
  EXPECT_EQ(names[1].text(), U"王海燕");
  EXPECT_NEAR(names[0].chars.front().x, names[1].chars.front().x, kTolerance)
      << "wraps align with the first name";
  EXPECT_NEAR(names[0].baseline - names[1].baseline, kLinePitch, kTolerance);
  const std::vector<VisualLine> body = bodyLines(frames.pages.front());
  const auto number = std::find_if(body.begin(), body.end(),
                                   [](const VisualLine& l) { return l.text() == U"江环发〔2026〕12号"; });
  ASSERT_NE(number, body.end());
  EXPECT_NEAR(number->baseline, names[1].baseline, kTolerance) << "number on the last 签发人 line";
}

TEST(DocumentLayout, MultiLineTitlesAreCentredTrapezoidsNeverHourglasses) {
  const Frames frames = layOut(notice(1), realFonts());
  const std::vector<VisualLine> title = linesIn(frames.pages.front(), FontRole::Xiaobiaosong, kSize2);
  ASSERT_GE(title.size(), 2u);
  std::vector<double> widths;
  for (const VisualLine& l : title) {
    const double left = l.chars.front().x;
    const double right = l.chars.back().x + kSize2;
    widths.push_back(right - left);
    EXPECT_NEAR(left - kTypeLeft, kTypeRight - right, 0.5) << "title line centred";
  }
  for (size_t i = 1; i + 1 < widths.size(); ++i) {
    EXPECT_FALSE(widths[i] < widths[i - 1] && widths[i] < widths[i + 1]) << "hourglass";
  }
  EXPECT_NEAR(title[0].baseline - title[1].baseline, kLinePitch, kTolerance);
}

TEST(DocumentLayout, AttachmentsStartOnNewPagesWithLabelAndTitleOnLineThree) {
  model::Document d = notice(1);
  d.attachments = {model::Attachment{text("环境风险隐患排查重点内容"), {testing::paragraph("第一项内容。")}},
                   model::Attachment{text("排查工作联系人名单"), {testing::paragraph("第二项内容。")}}};
  const Frames frames = layOut(d, realFonts());
  int found = 0;
  for (const Page& page : frames.pages) {
    const std::vector<VisualLine> labels = linesIn(page, FontRole::Heiti, kSize3);
    if (labels.empty() || labels.front().text().substr(0, 2) != U"附件") continue;
    ++found;
    EXPECT_EQ(labels.front().text(), U"附件" + std::u32string(1, U'0' + static_cast<char32_t>(found)));
    EXPECT_NEAR(labels.front().baseline, baselineInSlot(0, kSize3), kTolerance);
    EXPECT_NEAR(labels.front().chars.front().x, kTypeLeft + kInset, kTolerance);
    const std::vector<VisualLine> title = linesIn(page, FontRole::Xiaobiaosong, kSize2);
    ASSERT_FALSE(title.empty());
    EXPECT_NEAR(title.front().baseline, baselineInSlot(2, kSize2), kTolerance);
  }
  EXPECT_EQ(found, 2);
  // 附件说明 on the body pages: "附件：1. 名称", the second item under the first number.
  bool note = false;
  for (const Page& page : frames.pages) {
    for (const VisualLine& l : bodyLines(page)) {
      if (l.text().rfind(U"附件：1.", 0) == 0) note = true;
    }
  }
  EXPECT_TRUE(note);
}

TEST(DocumentLayout, AttachmentNoteWrapsAlignWithTheName) {
  model::Document d = notice(1);
  d.attachments = {
      model::Attachment{
          text("江州市重点排污单位环境风险隐患排查整治工作责任分工及进度安排一览表（2026年修订版）"), {}},
      model::Attachment{text("联系人名单"), {}}};
  const Frames frames = layOut(d, realFonts());
  std::vector<VisualLine> lines;
  for (const Page& page : frames.pages) {
    for (VisualLine& l : bodyLines(page)) lines.push_back(std::move(l));
  }
  const auto first = std::find_if(lines.begin(), lines.end(),
                                  [](const VisualLine& l) { return l.text().rfind(U"附件：1.", 0) == 0; });
  ASSERT_NE(first, lines.end());
  ASSERT_LT(first + 2, lines.end());
  EXPECT_NEAR(first->chars.front().x, kTypeLeft + 2 * kGridCell + kInset, kTolerance);
  const PlacedChar& nameStart = first->chars[5];  // 附 件 ： 1 . then the name (the space is not drawn)
  EXPECT_EQ(nameStart.ch, U'江');
  const VisualLine& wrap = *(first + 1);
  EXPECT_NEAR(wrap.chars.front().x, nameStart.x, kTolerance) << "wrap aligned with the name";
  const VisualLine& second = *(first + 2);
  EXPECT_EQ(second.text(), U"2.联系人名单");
  EXPECT_NEAR(second.chars.front().x, first->chars[3].x, kTolerance) << "later items under the first number";
}

TEST(DocumentLayout, LetterFormatHasDoubleRedLinesAndNoPageNumberOnPageOne) {
  model::Document d = notice(8);
  d.tmpl.format = model::LayoutFormat::Letter;
  d.tmpl.markSuffix.clear();
  const Frames frames = layOut(d, realFonts());
  ASSERT_GE(frames.pages.size(), 2u);
  const Page& first = frames.pages.front();
  EXPECT_TRUE(linesIn(first, FontRole::Songti, kSize4).empty());
  EXPECT_EQ(linesIn(frames.pages[1], FontRole::Songti, kSize4).size(), 1u);
  std::vector<Rule> red;
  for (const Rule& r : first.rules) {
    if (r.color == kRed) red.push_back(r);
  }
  ASSERT_EQ(red.size(), 4u);
  std::sort(red.begin(), red.end(), [](const Rule& a, const Rule& b) { return a.y1 > b.y1; });
  for (const Rule& r : red) EXPECT_NEAR(r.x2 - r.x1, mm(170), kTolerance);
  EXPECT_GT(red[0].widthPt, red[1].widthPt) << "thick over thin at the top";
  EXPECT_LT(red[2].widthPt, red[3].widthPt) << "thin over thick at the bottom";
  EXPECT_NEAR(red[3].y1 - red[3].widthPt / 2, mm(20), kTolerance);
  std::vector<VisualLine> marks;
  for (VisualLine& l : visualLines(first)) {
    if (l.color == kRed) marks.push_back(std::move(l));
  }
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_NEAR(marks[0].baseline + kEmAscent * marks[0].sizePt, kPageHeight - mm(30), kTolerance);
  EXPECT_NEAR(red[0].y1 + red[0].widthPt / 2, marks[0].baseline - (1 - kEmAscent) * marks[0].sizePt - mm(4),
              kTolerance);
  // No 印发 and no separators in the letter's 版记.
  const Page& last = frames.pages.back();
  for (const Rule& r : last.rules) EXPECT_FALSE(r.color == kBlack);
  for (const VisualLine& l : linesIn(last, FontRole::Fangsong, kSize4)) {
    EXPECT_EQ(l.text().find(U"印发"), std::u32string::npos);
  }
}

TEST(DocumentLayout, MinutesSetAttendanceLabelsInHeiti) {
  model::Document d = notice(1);
  d.tmpl.format = model::LayoutFormat::Minutes;
  d.tmpl.markSuffix = "纪要";
  d.tmpl.signatureBlock = false;
  d.issuers = {text("江州市生态环境局局长办公会议")};
  d.attendance = {
      model::AttendanceLine{text("出席"),
                            text("陈建国、李卫东、王海燕、张立新、刘明、赵小红、孙大伟、周国强、吴晓东")},
      model::AttendanceLine{text("请假"), text("周国强（外出学习）")}};
  const Frames frames = layOut(d, realFonts());
  std::vector<VisualLine> labels;
  for (const Page& p : frames.pages) {
    for (VisualLine& l : linesIn(p, FontRole::Heiti, kSize3)) labels.push_back(std::move(l));
  }
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].text(), U"出席：");
  EXPECT_NEAR(labels[0].chars.front().x, kTypeLeft + 2 * kGridCell + kInset, kTolerance);
  for (const Page& p : frames.pages) EXPECT_TRUE(p.sealFields.empty());
}

TEST(DocumentLayout, MissingGlyphNamesTheCharacterTheElementAndTheRole) {
  model::Document d = notice(1);
  d.body.push_back(testing::paragraph("含有私用区字符\U0010FFFD的段落。"));
  try {
    layOut(d, realFonts());
    FAIL() << "expected font.missing-glyph";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "font.missing-glyph");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    const std::string message = e.what();
    EXPECT_NE(message.find("U+10FFFD"), std::string::npos) << message;
    EXPECT_NE(message.find("test-job.xml:1 (/job/body/p)"), std::string::npos) << message;
    EXPECT_NE(message.find("仿宋"), std::string::npos) << message;
  }
}

TEST(DocumentLayout, DocumentInformationComesFromTheModel) {
  model::Document d = notice(1);
  d.approvalChain = "bureau-document";
  const Frames frames = layOut(d, realFonts());
  EXPECT_EQ(frames.info.title, d.title.value);
  EXPECT_EQ(frames.info.author, "江州市生态环境局");
  EXPECT_EQ(frames.info.subject, "通知");
  EXPECT_EQ(frames.info.approvalChain, "bureau-document");
  EXPECT_NEAR(frames.pageWidth, mm(210), kTolerance);
  EXPECT_NEAR(frames.pageHeight, mm(297), kTolerance);
}

// 10.2 in the frames: a red 小标宋 mark 20 mm down, no separator line, no title; a long 正文 takes
// the 签名章 block (7.3.5.3) along with its last lines to the next page, never alone.
TEST(DocumentLayout, DecreeHasARedMarkTwentyMillimetresDownNoRuleNoTitleAndKeepsTheSignatureSealWithText) {
  for (const int paragraphs : {1, 7, 8, 9}) {
    model::Document d = notice(paragraphs);
    d.tmpl.format = model::LayoutFormat::Decree;
    d.tmpl.markSuffix = "令";
    d.docNumber = text("第3号");
    d.signatories = {model::Signatory{text("局长"), text("juzhang-signature")}};
    d.attachments.clear();
    d.mainRecipients = {};
    const Frames frames = layOut(d, realFonts());
    const Page& first = frames.pages.front();
    std::vector<VisualLine> marks;
    for (VisualLine& l : visualLines(first)) {
      if (l.color == kRed) marks.push_back(std::move(l));
    }
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].text(), U"江州市生态环境局令");
    EXPECT_EQ(marks[0].role, FontRole::Xiaobiaosong);
    EXPECT_NEAR(marks[0].baseline + kEmAscent * marks[0].sizePt, kTypeTop - mm(20), kTolerance);
    for (const Rule& r : first.rules) EXPECT_FALSE(r.color == kRed) << "a 令 has no separator line";
    EXPECT_TRUE(linesIn(first, FontRole::Xiaobiaosong, kSize2).empty()) << "no title";

    const Page* sealPage = nullptr;
    for (const Page& p : frames.pages) {
      if (!p.sealFields.empty()) sealPage = &p;
    }
    ASSERT_NE(sealPage, nullptr) << paragraphs;
    ASSERT_EQ(sealPage->sealFields.size(), 1u);
    const SealField& seal = sealPage->sealFields.front();
    EXPECT_EQ(seal.sealId, "juzhang-signature");
    EXPECT_GE(seal.y, kTypeBottom - kTolerance) << paragraphs << ": the 签名章 stays inside the 版心";
    int textAbove = 0;
    for (const VisualLine& l : bodyLines(*sealPage)) textAbove += emBottom(l) > seal.y + seal.height;
    EXPECT_GT(textAbove, 1) << paragraphs << ": the 签名章's page carries text above it (7.3.5.5)";
  }
}

}  // namespace
}  // namespace gongwen::layout
