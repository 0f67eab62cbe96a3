// Document-level structure: seal signature fields, the Info dictionary, reproducible bytes.

#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"

namespace gongwen::pdf {
namespace {

using gongwen::testing::run;
using gongwen::testing::TempDir;
using nlohmann::json;

const json& object(const json& objects, const std::string& reference) {
  return objects.at("obj:" + reference).at("value");
}

TEST(PdfStructure, SealBoxIsAnEmptyUnsignedSignatureField) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  const json objects =
      testing::qpdfObjects(testing::saved(dir, writePdf(testing::sampleNotice(fonts), fonts)));
  const json& catalog = object(objects, objects.at("trailer").at("value").at("/Root"));
  const json& fields = object(objects, catalog.at("/AcroForm")).at("/Fields");
  ASSERT_EQ(fields.size(), 1u);
  const std::string fieldRef = fields[0];
  const json& field = object(objects, fieldRef);
  EXPECT_EQ(field.at("/FT"), "/Sig");
  EXPECT_EQ(field.at("/T"), "u:印章1");
  EXPECT_EQ(field.at("/GongwenSeal"), "u:seal-city-government");
  EXPECT_EQ(field.at("/Subtype"), "/Widget");
  EXPECT_EQ(field.at("/F"), 4);
  EXPECT_FALSE(field.contains("/V")) << "the field must stay unsigned";
  EXPECT_EQ(field.at("/Rect"), json::parse("[370.5, 600.25, 490.5, 720.25]"));

  // The widget sits on page 2 and only there.
  const json& kids = object(objects, catalog.at("/Pages")).at("/Kids");
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_FALSE(object(objects, kids[0]).contains("/Annots"));
  EXPECT_EQ(object(objects, kids[1]).at("/Annots"), json::array({fieldRef}));
  EXPECT_EQ(field.at("/P"), kids[1]);
}

TEST(PdfStructure, NoSealBoxMeansNoForm) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  layout::Frames frames;
  frames.pages.resize(1);
  frames.pages[0].runs.push_back(testing::run(fonts, fonts::FontRole::Fangsong, 16, 700, "无印章"));
  const json objects = testing::qpdfObjects(testing::saved(dir, writePdf(frames, fonts)));
  EXPECT_FALSE(object(objects, objects.at("trailer").at("value").at("/Root")).contains("/AcroForm"));
}

TEST(PdfStructure, DuplicateSealFieldNameIsRefused) {
  layout::Frames frames;
  frames.pages.resize(2);
  frames.pages[0].sealFields.push_back({"印章1", "a", 100, 100, 50, 50, ""});
  frames.pages[1].sealFields.push_back({"印章1", "b", 100, 100, 50, 50, ""});
  try {
    writePdf(frames, testing::defaultFonts());
    FAIL() << "two fields with one name were written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.duplicate-seal-field");
    EXPECT_NE(std::string(e.what()).find("page 2"), std::string::npos) << e.what();
  }
}

TEST(PdfStructure, InfoDictionaryCarriesMetadataAndApprovalChain) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  PdfOptions options;
  options.fixedTime = 1767225600;  // 2026-01-01 00:00:00 UTC
  const auto result = run({"pdfinfo", "-custom", "-isodates",
                           testing::saved(dir, writePdf(testing::sampleNotice(fonts), fonts, options))});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  for (const char* line :
       {"Title:           关于做好年度工作的通知", "Author:          某某市人民政府", "Subject:         通知",
        "Creator:         gongwen", "GongwenChain:    张三>李四", "GongwenTemplate: notice",
        "CreationDate:    2026-01-01T00:00:00Z", "ModDate:         2026-01-01T00:00:00Z"}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << " missing from:\n" << result.out;
  }
}

TEST(PdfStructure, IssuersAreAnArrayOfTextStringsInTheirOrder) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  const json objects =
      testing::qpdfObjects(testing::saved(dir, writePdf(testing::sampleNotice(fonts), fonts)));
  const json& info = object(objects, objects.at("trailer").at("value").at("/Info"));
  EXPECT_EQ(info.at("/GongwenIssuers"), json::array({"u:某某市人民政府", "u:某某市财政局"}));
}

TEST(PdfStructure, UnsetMetadataIsLeftOut) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  layout::Frames frames;
  frames.pages.resize(1);
  const auto result = run({"pdfinfo", "-custom", testing::saved(dir, writePdf(frames, fonts))});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  for (const char* key : {"Title:", "Author:", "Subject:", "GongwenChain:", "GongwenTemplate:"}) {
    EXPECT_EQ(result.out.find(key), std::string::npos) << key << " in:\n" << result.out;
  }
  EXPECT_EQ(writePdf(frames, fonts).find("/GongwenIssuers"), std::string::npos);
  EXPECT_NE(result.out.find("Creator:         gongwen"), std::string::npos) << result.out;
}

TEST(PdfStructure, NoPagesIsRefused) {
  try {
    writePdf(layout::Frames{}, testing::defaultFonts());
    FAIL() << "a PDF without pages was written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.no-pages");
  }
}

TEST(PdfStructure, FixedTimeAndIdGiveIdenticalBytes) {
  const auto& fonts = testing::defaultFonts();
  const layout::Frames frames = testing::sampleNotice(fonts);
  const PdfOptions options{1767225600, "notice-42"};
  const std::string first = writePdf(frames, fonts, options);
  EXPECT_EQ(writePdf(frames, fonts, options), first);

  const PdfOptions otherId{1767225600, "notice-43"};
  EXPECT_NE(writePdf(frames, fonts, otherId), first);

  TempDir dir;
  const json objects = testing::qpdfObjects(testing::saved(dir, first));
  const json& id = objects.at("trailer").at("value").at("/ID");
  ASSERT_EQ(id.size(), 2u);
  EXPECT_EQ(id[0], id[1]);
  // MD5("notice-42"), computed independently with `printf notice-42 | md5sum`.
  EXPECT_EQ(id[0],
            "b:" + std::string(run({"sh", "-c", "printf notice-42 | md5sum | cut -c1-32"}).out, 0, 32));
  EXPECT_EQ(run({"qpdf", "--check", dir.file("out.pdf")}).exitCode, 0) << "qpdf finds the file sound";
}

}  // namespace
}  // namespace gongwen::pdf
