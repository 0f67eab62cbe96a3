// The 命令（令）格式 (GB/T 9704 10.2) and the 签名章 block (7.3.5.3), measured on what Poppler and qpdf
// read from the sample 令 the real binary renders; and `gongwen check` on a 令 without its 令号.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

using namespace gongwen::testing;

namespace {

constexpr double kHalfLeading = (kLinePitch - 16) / 2;  // 3号 text sits centred in its grid line
constexpr double kTolerance = 0.05 * kPtPerMm;

const char* const kSample = "samples/jobs/decree-eia-approval-procedure.xml";

struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
};

// The widget rectangle of the one signature field, as qpdf reads it.
Box signatureSealField(const std::string& pdf, std::string* name) {
  const auto r = run({"qpdf", "--json", pdf});
  if (r.exitCode != 0) throw std::runtime_error("qpdf: " + r.err);
  const auto json = nlohmann::json::parse(r.out);
  const auto& fields = json["acroform"]["fields"];
  if (fields.size() != 1) throw std::runtime_error("expected one signature field, found " + fields.dump());
  const auto& field = fields.front();
  *name = field["fullname"].get<std::string>();
  const auto& rect =
      json["qpdf"][1]["obj:" + field["annotation"]["object"].get<std::string>()]["value"]["/Rect"];
  const double x1 = rect[0].get<double>(), y1 = rect[1].get<double>();
  const double x2 = rect[2].get<double>(), y2 = rect[3].get<double>();
  return {std::min(x1, x2), kPageHeight - std::max(y1, y2), std::max(x1, x2), kPageHeight - std::min(y1, y2)};
}

const TextLine& lineWith(const std::vector<TextLine>& lines, const std::string& text) {
  for (const auto& line : lines) {
    if (line.text() == text) return line;
  }
  throw std::runtime_error("no line reads " + text);
}

class DecreeFormat : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    pdf_ = dir_->file("decree.pdf");
    const auto r = run({gongwenBinary(), "render", sourcePath(kSample), "-o", pdf_});
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::string pdf_;
};

}  // namespace

// 10.2: the organ's name and 令 centred in red 小标宋, its top 20 mm below the 版心's; the 令号
// centred two blank lines below it; the 正文 two blank lines below the 令号; no separator line.
TEST_F(DecreeFormat, MarkNumberAndTextStandWhereTenPointTwoPutsThem) {
  const PdfInspect pdf(pdf_);
  const auto lines = pdf.lines(0);
  ASSERT_GE(lines.size(), 3u);
  const TextLine& mark = lines[0];
  ASSERT_EQ(mark.text(), "江州市生态环境局令");
  EXPECT_NEAR(mark.top - kBodyTop, 20 * kPtPerMm, kTolerance);
  EXPECT_NEAR(mark.left() - kBodyLeft, kBodyRight - mark.right(), 0.5) << "mark centred on the 版心";

  const TextLine& number = lines[1];
  ASSERT_EQ(number.text(), "第3号");
  EXPECT_NEAR(number.left() - kBodyLeft, kBodyRight - number.right(), 0.5) << "令号 centred";
  // Two blank grid lines between the mark and the 令号's line.
  EXPECT_NEAR(number.top - mark.bottom, 2 * kLinePitch + kHalfLeading, kTolerance);

  const TextLine& text = lines[2];
  EXPECT_EQ(text.text().rfind("《江州市建设项目", 0), 0u) << text.text();
  EXPECT_NEAR(text.left() - kBodyLeft, 2 * kCharCell, kTolerance) << "first line indented 2 字";
  // The 令号's line, then two blank lines: three line pitches between their tops.
  EXPECT_NEAR(text.top - number.top, 3 * kLinePitch, kTolerance);

  // The mark is red and nothing red runs across the page between it and the 正文: a 令 has no
  // separator line.
  const Raster r = pdf.render(0, 150);
  const auto px = [&](double pt) { return static_cast<int>(pt * r.dpi / 72.0); };
  long redInMark = 0;
  for (int y = px(mark.top); y <= px(mark.bottom); ++y) {
    for (int x = px(mark.left()); x <= px(mark.right()); ++x)
      redInMark += r.redness[size_t(y) * r.width + x] > 100;
  }
  EXPECT_GT(redInMark, 1000) << "the mark is red";
  for (int y = px(mark.bottom) + 2; y < px(text.top) - 2; ++y) {
    int red = 0;
    for (int x = 0; x < r.width; ++x) red += r.redness[size_t(y) * r.width + x] > 100;
    EXPECT_LT(red, r.width / 4) << "a red rule at " << r.toPt(y) / kPtPerMm << " mm";
  }
  // The job's title names the document; the 命令格式 prints none.
  for (const auto& line : lines) EXPECT_EQ(line.text().find("关于公布"), std::string::npos) << line.text();
}

// 7.3.5.3: two blank lines below the text, the 签名章 right-indented 4 字; the 职务 2 字 to its left,
// centred on it vertically; the 成文日期 one blank line below the 签名章, right-indented 4 字.
TEST_F(DecreeFormat, SignerTitleSignatureSealAndDateFollowSevenThreeFiveThree) {
  const PdfInspect pdf(pdf_);
  ASSERT_EQ(pdf.pages(), 2) << "the 版记 stands on an even last page (7.5)";
  std::string fieldName;
  const Box seal = signatureSealField(pdf_, &fieldName);
  EXPECT_EQ(fieldName.rfind("签名章", 0), 0u) << fieldName;
  const auto lines = pdf.lines(0);
  const TextLine& title = lineWith(lines, "局长");
  const TextLine& date = lineWith(lines, "2026年11月25日");
  double textBottom = 0;
  for (const auto& line : lines) {
    if (line.bottom < seal.top) textBottom = std::max(textBottom, line.bottom);
  }
  const double textLineBottom = textBottom + kHalfLeading;  // the grid line the text ends in

  EXPECT_NEAR(seal.right, kBodyRight - 4 * kCharCell, kTolerance) << "签名章 right-indented 4 字";
  EXPECT_GE(seal.top - textLineBottom, 2 * kLinePitch - kTolerance) << "two blank lines above the 签名章";
  EXPECT_LT(seal.top - textLineBottom, 2.5 * kLinePitch);
  EXPECT_NEAR(seal.left - title.right(), 2 * kCharCell, kTolerance) << "职务 2 字 left of the 签名章";
  EXPECT_NEAR((title.top + title.bottom) / 2, (seal.top + seal.bottom) / 2, kTolerance)
      << "职务 centred on the 签名章";
  EXPECT_NEAR(date.right(), kBodyRight - 4 * kCharCell, kTolerance) << "date right-indented 4 字";
  EXPECT_GE(date.top - kHalfLeading - seal.bottom, kLinePitch - kTolerance)
      << "one blank line below the 签名章";
  EXPECT_LT(date.top - kHalfLeading - seal.bottom, 2 * kLinePitch);
}

// `gongwen check` knows what a 令 needs: its 令号, and the 签发人's 职务 with his 签名章.
TEST(DecreeCheck, ADecreeWithoutItsNumberOrSignatureSealHasFindings) {
  TempDir dir;
  const std::string sample = gongwen::readFile(sourcePath(kSample));
  const auto check = [&](const std::string& job) {
    std::ofstream(dir.file("job.xml")) << job;
    return run({gongwenBinary(), "check", dir.file("job.xml")});
  };
  const auto clean = check(sample);
  EXPECT_EQ(clean.exitCode, 0) << clean.out << clean.err;

  const auto noNumber = check(std::regex_replace(sample, std::regex("  <docNumber>第3号</docNumber>\n"), ""));
  EXPECT_EQ(noNumber.exitCode, 1) << noNumber.out << noNumber.err;
  EXPECT_NE(noNumber.out.find("decree.number-missing"), std::string::npos) << noNumber.out;

  const auto noSeal = check(std::regex_replace(sample, std::regex(" seal=\"juzhang-signature\""), ""));
  EXPECT_EQ(noSeal.exitCode, 1) << noSeal.out;
  EXPECT_NE(noSeal.out.find("decree.signature-seal"), std::string::npos) << noSeal.out;
}
