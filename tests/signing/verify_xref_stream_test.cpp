// Documents whose xref is a cross-reference stream and whose objects lie in object streams, as qpdf
// and most other tools write them, are read like any other: signed by us, verified by us and by
// pdfsig; every change appended after a signature is caught object by object, whether it rides in a
// new object stream or rewrites one; and the reader's bounds hold for what those streams inflate to.

#include <gtest/gtest.h>
#include <zlib.h>

#include "pipeline/core/Error.h"
#include "tests/signing/XrefStreamFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;
using namespace xreffx;

size_t compressedInOriginal(const verify::pdf::Document& doc) {
  size_t compressed = 0;
  for (const auto& item : doc.revisions().front().entries) compressed += item.second.compressed();
  return compressed;
}

// Verified by us with the policy, by pdfsig with the test root, and clean for qpdf --check.
void expectVerifiedByAll(const std::string& pdf, size_t signatures) {
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_TRUE(report.ok()) << problemCodes(report);
  EXPECT_EQ(report.signatures.size(), signatures);
  const CommandResult checked = pdfsig(pdf);
  EXPECT_EQ(count(checked.out, "Signature is Valid."), signatures) << checked.out << checked.err;
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  const CommandResult qpdfCheck = run({"qpdf", "--check", work.file("doc.pdf")});
  EXPECT_EQ(qpdfCheck.exitCode, 0) << qpdfCheck.out << qpdfCheck.err;
}

// The newest revision's signatures all fail, the last naming a change `code` to object `number`.
void expectCaught(const std::string& pdf, const std::string& code, unsigned number) {
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_FALSE(report.ok());
  ASSERT_EQ(report.signatures.size(), 3u);
  for (const auto& s : report.signatures) EXPECT_TRUE(hasProblem(s, "modified.after-signing")) << s.field;
  bool named = false;
  std::string seen;
  for (const auto& change : report.signatures.back().laterChanges) {
    named = named || (change.code == code && change.objectNumber == static_cast<int>(number));
    seen +=
        change.code + " (object " + std::to_string(change.objectNumber) + "): " + change.description + "\n";
  }
  EXPECT_TRUE(named) << "expected " << code << " on object " << number << ", saw:\n" << seen;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from << " not in " << text;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(VerifyXrefStreams, ObjectStreamsSignedByUsVerifyWithUsPdfsigAndQpdf) {
  const std::string& pdf = sealedWithObjectStreams();
  const verify::pdf::Document doc(pdf, "test.pdf");
  EXPECT_GE(compressedInOriginal(doc), 4u) << "qpdf wrote no object streams";
  expectVerifiedByAll(pdf, 3);
  // Each of our updates continues the file in its own form: a cross-reference stream.
  ASSERT_EQ(doc.revisions().size(), 4u);
  for (const auto& revision : doc.revisions()) EXPECT_NE(revision.xrefStream, 0);
}

TEST(VerifyXrefStreams, LinearizedFilesSignedByUsVerifyAndChangesAfterAreCaught) {
  for (const auto& options :
       std::vector<std::vector<std::string>>{{"--linearize"}, {"--linearize", "--object-streams=generate"}}) {
    const std::string pdf = sealedAfterQpdf(options);
    SCOPED_TRACE(options.back());
    // The linearized original is one revision, its two xref sections read as one.
    EXPECT_EQ(verify::pdf::Document(pdf, "test.pdf").revisions().size(), 4u);
    expectVerifiedByAll(pdf, 3);
    const DocumentParts parts = partsOf(pdf);
    const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
    expectCaught(appendRevision(pdf, {{parts.content, "<< /Length " + std::to_string(content.size()) +
                                                          " >>\nstream\n" + content + "\nendstream"}}),
                 "modified.page-content", parts.content);
  }
}

TEST(VerifyXrefStreams, QdfFilesSignedByUsVerify) { expectVerifiedByAll(sealedAfterQpdf({"--qdf"}), 3); }

TEST(VerifyXrefStreams, AChangedPageContentIsCaught) {
  const std::string& pdf = sealedWithObjectStreams();
  const DocumentParts parts = partsOf(pdf);
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  expectCaught(appendRevision(pdf, {{parts.content, "<< /Length " + std::to_string(content.size()) +
                                                        " >>\nstream\n" + content + "\nendstream"}}),
               "modified.page-content", parts.content);
}

TEST(VerifyXrefStreams, AnAddedAnnotationIsCaught) {
  const std::string& pdf = sealedWithObjectStreams();
  const DocumentParts parts = partsOf(pdf);
  const unsigned note = nextObjectNumber(pdf);
  const std::string page =
      replaced(objectText(pdf, parts.page), "/Annots [", "/Annots [ " + std::to_string(note) + " 0 R");
  expectCaught(appendRevision(pdf, {{parts.page, page}},
                              {"<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 640] /Contents (void) "
                               "/DA (/Helv 12 Tf 0 g) >>"}),
               "modified.annotation", parts.page);
}

TEST(VerifyXrefStreams, AReplacedFontIsCaught) {
  const std::string& pdf = sealedWithObjectStreams();
  const DocumentParts parts = partsOf(pdf);
  expectCaught(appendRevision(pdf, {{parts.font, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"}}),
               "modified.font", parts.font);
}

TEST(VerifyXrefStreams, AChangedCatalogIsCaught) {
  const std::string& pdf = sealedWithObjectStreams();
  const DocumentParts parts = partsOf(pdf);
  const std::string catalog =
      replaced(objectText(pdf, parts.catalog), "/Type /Catalog", "/Type /Catalog /OpenAction [ 1 0 R /Fit ]");
  expectCaught(appendRevision(pdf, {{parts.catalog, catalog}}), "modified.catalog", parts.catalog);
}

TEST(VerifyXrefStreams, APageMovedIntoANewObjectStreamWithOtherContentIsCaught) {
  const std::string& pdf = sealedWithObjectStreams();
  const DocumentParts parts = partsOf(pdf);
  const unsigned content = nextObjectNumber(pdf);
  const std::string text = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  const std::string page =
      replaced(objectText(pdf, parts.page), "/Contents " + std::to_string(parts.content) + " 0 R",
               "/Contents " + std::to_string(content) + " 0 R");
  const std::string attacked = appendXrefStreamRevision(
      pdf, {{content, "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream"}},
      {{parts.page, page}});
  const verify::pdf::Document doc(attacked, "test.pdf");
  ASSERT_TRUE(doc.entry(static_cast<int>(parts.page), 4)->compressed());
  expectCaught(attacked, "modified.page-content", parts.page);
}

// The objects qpdf put in the object stream that holds the font, as the newest revision defines them
// (number → text), and that stream's number.
std::map<unsigned, std::string> objectStreamOfTheFont(const std::string& pdf, int& stream) {
  const verify::pdf::Document doc(pdf, "test.pdf");
  stream = doc.entry(static_cast<int>(partsOf(pdf).font), 0)->stream;
  std::map<unsigned, std::string> held;
  for (const auto& [number, entry] : doc.revisions().front().entries) {
    if (entry.stream != stream) continue;
    EXPECT_EQ(entry.index, static_cast<int>(held.size())) << "qpdf's object stream is not in number order";
    held[static_cast<unsigned>(number)] = objectText(pdf, static_cast<unsigned>(number));
  }
  return held;
}

TEST(VerifyXrefStreams, AnObjectStreamRewrittenAloneIsCaught) {
  // The update lists only the object stream, not the font it holds: the font changes all the same.
  const std::string& pdf = sealedWithObjectStreams();
  const unsigned font = partsOf(pdf).font;
  int stream = 0;
  std::map<unsigned, std::string> held = objectStreamOfTheFont(pdf, stream);
  ASSERT_GT(stream, 0) << "qpdf left the font outside an object stream";
  held[font] = replaced(held[font], "/Helvetica", "/Courier");
  expectCaught(appendXrefStreamRevision(pdf, {}, held, static_cast<unsigned>(stream), false), "modified.font",
               font);
}

TEST(VerifyXrefStreams, AnObjectStreamRewrittenWithoutAnObjectItHeldIsCaught) {
  // Dropping the font shifts every later object's index: the objects the older xref places there
  // no longer parse as themselves.
  const std::string& pdf = sealedWithObjectStreams();
  const unsigned font = partsOf(pdf).font;
  int stream = 0;
  std::map<unsigned, std::string> held = objectStreamOfTheFont(pdf, stream);
  held.erase(font);
  const verify::Report report =
      verifyWithPolicy(appendXrefStreamRevision(pdf, {}, held, static_cast<unsigned>(stream), false));
  EXPECT_FALSE(report.ok());
  for (const auto& s : report.signatures) EXPECT_TRUE(hasProblem(s, "modified.after-signing")) << s.field;
  bool unparsable = false;
  for (const auto& change : report.signatures.back().laterChanges)
    unparsable = unparsable || change.code == "modified.unparsable-object";
  EXPECT_TRUE(unparsable) << problemCodes(report);
}

TEST(VerifyXrefStreams, AnXrefStreamRevisionAfterAClassicFileIsJudgedTheSame) {
  // Our classic-xref document, then an update as another tool writes it: cross-reference stream,
  // the page moved into a new object stream, pointing at other content.
  const std::string& pdf = sealedProposal();
  const DocumentParts parts = partsOf(pdf);
  const unsigned content = nextObjectNumber(pdf);
  const std::string text = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  const std::string page =
      replaced(objectText(pdf, parts.page), "/Contents " + std::to_string(parts.content) + " 0 R",
               "/Contents " + std::to_string(content) + " 0 R");
  expectCaught(appendXrefStreamRevision(pdf,
                                        {{content, "<< /Length " + std::to_string(text.size()) +
                                                       " >>\nstream\n" + text + "\nendstream"}},
                                        {{parts.page, page}}),
               "modified.page-content", parts.page);
}

// A hybrid file (ISO 32000-1 §7.5.8.4): a classic table that marks object 2 free for PDF 1.4
// readers, and the /XRefStm stream that puts it in object stream 3. `tableEntry2` is the table's
// line for object 2.
std::string hybridPdf(const std::string& tableEntry2) {
  std::string pdf = "%PDF-1.5\n";
  std::map<unsigned, XrefRow> rows;
  const size_t catalog = pdf.size();
  pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  const size_t stream = pdf.size();
  appendObjectStream(pdf, rows, 3, {{2, "<< /Type /Pages /Kids [] /Count 0 >>"}});
  const size_t xrefStream = pdf.size();
  appendXrefStream(pdf, rows, 4, "");
  pdf.erase(pdf.rfind("startxref"));
  const size_t table = pdf.size();
  char lines[160];
  std::snprintf(lines, sizeof lines,
                "xref\n0 5\n0000000000 65535 f \n%010zu 00000 n \n%s\n%010zu 00000 n \n%010zu 00000 n \n",
                catalog, tableEntry2.c_str(), stream, xrefStream);
  return pdf + lines + "trailer\n<< /Size 5 /Root 1 0 R /XRefStm " + std::to_string(xrefStream) +
         " >>\nstartxref\n" + std::to_string(table) + "\n%%EOF\n";
}

TEST(VerifyXrefStreams, AHybridFileReadsTheObjectsItsStreamAdds) {
  const verify::pdf::Document doc(hybridPdf("0000000000 65535 f "), "hybrid.pdf");
  ASSERT_EQ(doc.revisions().size(), 1u);
  const auto pages = doc.object(2, 0);
  ASSERT_TRUE(pages.has_value());
  EXPECT_TRUE(pages->get("Type")->isName("Pages"));
  EXPECT_TRUE(pages->compressed);
}

TEST(VerifyXrefStreams, AHybridFileGivingAnObjectTwoPlacesIsRefused) {
  // Readers of the table and readers of the stream would see two different objects 2.
  try {
    const verify::pdf::Document doc(hybridPdf("0000000009 00000 n "), "hybrid.pdf");
    ADD_FAILURE() << "a hybrid file with two objects 2 was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.syntax");
    EXPECT_NE(
        std::string(e.what()).find("object 2 is in use both in the xref table and in its /XRefStm stream"),
        std::string::npos)
        << e.what();
  }
}

TEST(VerifyXrefStreams, ASignatureDictionaryInAnObjectStreamHasNoByteRange) {
  // Its /Contents is not bytes of the file: no /ByteRange can leave it out.
  const std::string pdf =
      assembleXrefStreamPdf({"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
                             "<< /Type /Pages /Kids [] /Count 0 >>", "<< /FT /Sig /T (approval) /V 4 0 R >>",
                             "<< /Type /Sig /ByteRange [0 10 20 5] /Contents <00> >>"},
                            {4}, "/Root 1 0 R");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_TRUE(hasProblem(report.signatures[0], "byterange.malformed")) << problemCodes(report);
}

// A deflated object stream of `inflated` zero bytes in a document that is otherwise whole.
std::string deflateBomb(size_t inflated) {
  const std::string zeros(inflated, '\0');
  uLongf size = compressBound(static_cast<uLong>(zeros.size()));
  std::string deflated(size, '\0');
  compress2(reinterpret_cast<Bytef*>(deflated.data()), &size, reinterpret_cast<const Bytef*>(zeros.data()),
            static_cast<uLong>(zeros.size()), Z_BEST_COMPRESSION);
  deflated.resize(size);
  std::string pdf = "%PDF-1.7\n";
  std::map<unsigned, XrefRow> rows;
  rows[1] = {1, pdf.size(), 0};
  pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  rows[2] = {2, 3, 0};
  rows[3] = {1, pdf.size(), 0};
  pdf += "3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " +
         std::to_string(deflated.size()) + " >>\nstream\n" + deflated + "\nendstream\nendobj\n";
  appendXrefStream(pdf, rows, 4, "/Root 1 0 R");
  return pdf;
}

TEST(VerifyXrefStreams, AFlateBombIsRefusedPastTheBound) {
  verify::pdf::Limits limits;
  limits.maxDecodedBytes = 1u << 20;
  try {
    const verify::pdf::Document doc(deflateBomb(8u << 20), "bomb.pdf", limits);
    ADD_FAILURE() << "an object stream inflating to 8 MiB was read under a 1 MiB bound";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.limit.decoded") << e.what();
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find("more than 1048576 bytes inflated"), std::string::npos) << e.what();
  }
}

TEST(VerifyXrefStreams, AnXrefStreamTheReaderCannotDecodeIsOneClearError) {
  std::string pdf =
      assembleXrefStreamPdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, {},
                            "/Root 1 0 R /Filter /LZWDecode");
  try {
    const verify::pdf::Document doc(pdf, "lzw.pdf");
    ADD_FAILURE() << "an LZW cross-reference stream was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "pdf.syntax") << e.what();
    EXPECT_NE(std::string(e.what()).find("a filter other than /FlateDecode"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gongwen::testing
