// The object writer's syntax read back by independent readers: qpdf checks the cross-reference
// offsets and the structure, qpdf's JSON and Poppler decode names and strings with awkward bytes.

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/PdfObjectWriter.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"
#include "tests/pdf/PdfTestSupport.h"

namespace gongwen::pdf {
namespace {

using gongwen::testing::run;
using gongwen::testing::TempDir;
using nlohmann::json;

// Every byte a name must escape: space, '#', the delimiters, bytes above 127 (UTF-8 é) and a control byte.
const std::string kAwkwardName = "F 1#(a)<b>[c]{d}/e%f\xC3\xA9\x01";
// A string's escapes: parentheses (one unbalanced), backslash, CR, LF, CR LF.
const std::string kAwkwardBytes = "a(b))c\\d\re\nf\r\ng";

// One page drawing "Hello" in Helvetica under the awkward resource name, objects written out of
// number order (the page before its content and its parent), an Info dictionary of strings.
std::string awkwardDocument() {
  PdfObjectWriter writer;
  const unsigned catalog = writer.reserve();
  const unsigned pages = writer.reserve();
  const unsigned page = writer.reserve();
  const unsigned content = writer.reserve();
  const unsigned font = writer.reserve();
  writer.write(page, DictionaryWriter()
                         .add("Type", pdfName("Page"))
                         .add("Parent", reference(pages))
                         .add("MediaBox", array({"0", "0", real(595.275591), real(841.889764)}))
                         .add("Contents", reference(content))
                         .add("Resources",
                              DictionaryWriter()
                                  .add("Font", DictionaryWriter().add(kAwkwardName, reference(font)).text())
                                  .text())
                         .text());
  writer.write(content, streamBody(DictionaryWriter(),
                                   "BT " + pdfName(kAwkwardName) + " 12 Tf 72 720 Td (Hello) Tj ET"));
  writer.write(font, DictionaryWriter()
                         .add("Type", pdfName("Font"))
                         .add("Subtype", pdfName("Type1"))
                         .add("BaseFont", pdfName("Helvetica"))
                         .text());
  writer.write(pages, DictionaryWriter()
                          .add("Type", pdfName("Pages"))
                          .add("Kids", array({reference(page)}))
                          .add("Count", integer(1))
                          .text());
  writer.write(catalog,
               DictionaryWriter().add("Type", pdfName("Catalog")).add("Pages", reference(pages)).text());
  const unsigned info = writer.add(DictionaryWriter()
                                       .add("Title", textString("关于(印章)的通知 \\ 𠀀"))
                                       .add("Subject", textString("plain (ASCII) \\ text"))
                                       .add("Keywords", literalString(kAwkwardBytes))
                                       .add("Negative", real(-0.0000001))
                                       .add("Half", real(-12.5))
                                       .text());
  return writer.finish(catalog, info, std::string("0123456789abcdef", 16));
}

TEST(PdfObjectWriter, QpdfFindsNoErrorAndEveryOffsetExact) {
  TempDir dir;
  const std::string path = testing::saved(dir, awkwardDocument());
  const auto check = run({"qpdf", "--check", path});
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;  // 3 for warnings such as a wrong offset
  EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;
  EXPECT_EQ(check.err, "");
}

TEST(PdfObjectWriter, CrossReferenceEntriesAreTwentyBytesAndPointAtTheirObjects) {
  const std::string pdf = awkwardDocument();
  const std::size_t startxref = pdf.rfind("startxref\n");
  const std::size_t xref = std::stoul(pdf.substr(startxref + 10));
  ASSERT_EQ(pdf.compare(xref, 9, "xref\n0 7\n"), 0) << pdf.substr(xref, 20);
  const std::size_t entries = xref + 9;
  EXPECT_EQ(pdf.substr(entries, 20), "0000000000 65535 f \n");
  for (unsigned number = 1; number < 7; ++number) {
    const std::string entry = pdf.substr(entries + 20 * number, 20);
    ASSERT_EQ(entry.substr(10), " 00000 n \n") << entry;
    const std::size_t offset = std::stoul(entry.substr(0, 10));
    EXPECT_EQ(pdf.compare(offset, std::to_string(number).size() + 6, std::to_string(number) + " 0 obj"), 0)
        << "object " << number << " at " << offset;
  }
  EXPECT_EQ(pdf.substr(entries + 20 * 7, 8), "trailer\n");
  EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
}

TEST(PdfObjectWriter, NamesAndStringsDecodeToWhatWasWritten) {
  TempDir dir;
  const json objects = testing::qpdfObjects(testing::saved(dir, awkwardDocument()));
  const json& trailer = objects.at("trailer").at("value");
  EXPECT_EQ(trailer.at("/ID"), json::parse(R"(["u:0123456789abcdef", "u:0123456789abcdef"])"));
  EXPECT_EQ(trailer.at("/Size"), 7);
  const json& info = objects.at("obj:" + trailer.at("/Info").get<std::string>()).at("value");
  EXPECT_EQ(info.at("/Title"), "u:关于(印章)的通知 \\ 𠀀");
  EXPECT_EQ(info.at("/Subject"), "u:plain (ASCII) \\ text");
  // Every byte kept: CR and CR LF are not read as LF, the unbalanced parenthesis does not end it.
  EXPECT_EQ(info.at("/Keywords"), "u:" + kAwkwardBytes);
  EXPECT_EQ(info.at("/Negative"), 0);
  EXPECT_EQ(info.at("/Half"), -12.5);
  const json& page = objects.at("obj:3 0 R").at("value");
  EXPECT_EQ(page.at("/Resources").at("/Font").begin().key(), "/" + kAwkwardName) << page.dump();
  EXPECT_EQ(page.at("/MediaBox"), json::parse("[0, 0, 595.275591, 841.889764]"));

  // Poppler finds the font under its escaped name and draws the text; it decodes the title.
  const std::string path = dir.file("out.pdf");
  const auto text = run({"pdftotext", path, "-"});
  ASSERT_EQ(text.exitCode, 0) << text.err;
  EXPECT_NE(text.out.find("Hello"), std::string::npos) << text.out;
  EXPECT_EQ(text.err, "");
  const auto info2 = run({"pdfinfo", path});
  EXPECT_NE(info2.out.find("Title:           关于(印章)的通知 \\ 𠀀"), std::string::npos) << info2.out;
}

TEST(PdfObjectWriter, AnObjectReservedButNeverWrittenIsRefused) {
  PdfObjectWriter writer;
  const unsigned root = writer.add("<< /Type /Catalog >>");
  writer.reserve();
  EXPECT_THROW(writer.finish(root, root, "0123456789abcdef"), std::logic_error);
}

TEST(PdfObjectWriter, AnObjectWrittenTwiceOrNeverReservedIsRefused) {
  PdfObjectWriter writer;
  const unsigned number = writer.add("null");
  EXPECT_THROW(writer.write(number, "null"), std::logic_error);
  EXPECT_THROW(writer.write(number + 1, "null"), std::logic_error);
}

TEST(PdfSyntax, NumbersHaveNoExponentAndNoNoise) {
  EXPECT_EQ(real(370.5), "370.5");
  EXPECT_EQ(real(100), "100");
  EXPECT_EQ(real(1e-9), "0");
  EXPECT_EQ(real(-0.0), "0");
  EXPECT_EQ(real(1e15), "1000000000000000");
  EXPECT_EQ(real(0.1234567), "0.123457");
  EXPECT_THROW(real(std::nan("")), std::invalid_argument);
  EXPECT_EQ(integer(-120), "-120");
}

TEST(PdfSyntax, NameEscapesAndRefusesNul) {
  EXPECT_EQ(pdfName("Type0"), "/Type0");
  EXPECT_EQ(pdfName("A B#C/D"), "/A#20B#23C#2FD");
  EXPECT_EQ(pdfName("\x7F\xFF"), "/#7F#FF");
  EXPECT_THROW(pdfName(std::string("a\0b", 3)), std::invalid_argument);
}

TEST(PdfSyntax, TextStringRefusesInvalidUtf8) {
  try {
    textString("bad \xC3");
    FAIL() << "invalid UTF-8 became a text string";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "text.utf8");
  }
}

}  // namespace
}  // namespace gongwen::pdf
