// `sign` acts on the verifier's reading of the file, not a second parser's: what it copies from the
// document compares equal through the verifier's revision diff except for the key it changed, page 1
// is found through the page tree wherever its objects are stored, and a file the verifier refuses is
// refused by the signer too, however another reader would have repaired it.

#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "signing/sign/PdfSigner.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/Verifier.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

const std::string kContent = "BT /F1 16 Tf 72 760 Td (Notice) Tj ET\n";

// A document for the bureau-document chain whose page 1 (object 3) sits two levels down the page tree
// (2 -> 7 -> 3) and holds values a writer must carry over exactly: reals that need every digit, names
// with delimiters, spaces and non-ASCII bytes, a string with parentheses, backslashes and binary
// bytes, nested arrays and dictionaries. It has no /Annots, so signing copies the page itself.
std::string twoLevelDocument(const std::string& extraPageEntries = "") {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 7 0 R /MediaBox [0 0 595.276 841.89] /GongwenScale 0.1 /GongwenTiny "
      "-0.00000035 "
      "/GongwenPrecise 0.1234567890123 /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> "
      "/Odd#20Name#28x#29 /A#2Fb#23c /Chinese /#E4#B8#AD /Note (paren \\( \\) back\\\\slash \\000\\377 end) "
      "/Nested [[1 [2.5 /x]] << /K true /L null >>]" +
          extraPageEntries + " >>",
      "<< /Length " + std::to_string(kContent.size()) + " >>\nstream\n" + kContent + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Producer (gongwen signing tests) " + claimsFor("bureau-document") + " >>",
      "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>"};
  return assemblePdf(objects,
                     "/Root 1 0 R /Info 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                     "<0123456789ABCDEF0123456789ABCDEF>]");
}

TEST(SignOwnReader, ACopiedPageDiffersOnlyInTheKeySigningChanged) {
  const std::string signed_ = signUnchecked(twoLevelDocument(), "office-proofread", "bangong",
                                            loadPkcs12(bureau().pki("bangong.p12")));
  const verify::pdf::Document document(signed_, "signed.pdf");
  ASSERT_EQ(document.revisions().size(), 2u);
  const auto before = document.object(3, 0);
  const auto after = document.object(3, 1);
  ASSERT_TRUE(before && after);
  ASSERT_NE(document.entry(3, 1), document.entry(3, 0)) << "signing did not copy the page";
  EXPECT_EQ(verify::pdf::changedKeys(*before, *after, signed_), std::vector<std::string>{"Annots"});
  // The first step of four: the chain is incomplete, and that is all the verifier has to say.
  EXPECT_EQ(problemCodes(verifyWithPolicy(signed_)), "policy.chain-incomplete ");
}

TEST(SignOwnReader, PageOneInAnObjectStreamTwoLevelsDownIsSignedAndVerifies) {
  TempDir work;
  writeFileAtomically(work.file("plain.pdf"), twoLevelDocument());
  ASSERT_EQ(
      run({"qpdf", "--object-streams=generate", work.file("plain.pdf"), work.file("packed.pdf")}).exitCode,
      0);
  const std::string packed = readFile(work.file("packed.pdf"));
  {
    const sign::SignableDocument document(packed, "packed.pdf");
    const auto* page = document.pdf().entry(document.firstPageRef().number, 0);
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(page->compressed()) << "qpdf left page 1 outside an object stream";
  }
  const std::string signed_ = signWithCli(packed, "bangong", "office-proofread");
  const CommandResult sig = pdfsig(signed_);
  EXPECT_EQ(sig.exitCode, 0) << sig.out << sig.err;
  EXPECT_EQ(count(sig.out, "Signature is Valid"), 1u) << sig.out;
  const CommandResult verified = verifyWithCli(signed_);
  EXPECT_NE(verified.out.find("verdict:     VALID"), std::string::npos) << verified.out;
  EXPECT_NE(verified.out.find("changed since: nothing disallowed"), std::string::npos) << verified.out;
  EXPECT_EQ(count(verified.out, "error["), 1u) << verified.out;
  EXPECT_NE(verified.out.find("error[policy.chain-incomplete]"), std::string::npos) << verified.out;
}

// ISO 32000-1 requires /Type /Page; a page tree leaf without it is still page 1, as the verifier's
// revision diff counts pages, so the field goes where the verifier looks for it.
TEST(SignOwnReader, ALeafWithoutATypeIsPageOne) {
  std::string pdf = twoLevelDocument();
  pdf.replace(pdf.find("/Type /Page /Parent 7 0 R"), 25, "/Parent 7 0 R            ");
  const std::string signed_ =
      signUnchecked(pdf, "office-proofread", "bangong", loadPkcs12(bureau().pki("bangong.p12")));
  const verify::pdf::Document document(signed_, "signed.pdf");
  EXPECT_EQ(verify::pdf::changedKeys(*document.object(3, 0), *document.object(3, 1), signed_),
            std::vector<std::string>{"Annots"});
  EXPECT_EQ(problemCodes(verifyWithPolicy(signed_)), "policy.chain-incomplete ");
}

// The reader takes "1e999" as a number (strtod: infinity), which PDF syntax cannot write back.
TEST(SignOwnReader, AValueThatCannotBeWrittenAgainIsRefusedNamingTheFile) {
  try {
    signUnchecked(twoLevelDocument(" /GongwenHuge 1e999"), "office-proofread", "bangong",
                  loadPkcs12(bureau().pki("bangong.p12")));
    FAIL() << "signed a page whose copy cannot be written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "sign.pdf");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find("test.pdf"), std::string::npos) << e.what();
  }
}

// `sign` verifies first and writes on that reading: the document the verifier judged is the one signed.
TEST(SignOwnReader, TheSignerTakesTheReadingVerificationJudged) {
  const std::string pdf = twoLevelDocument();
  std::shared_ptr<const verify::pdf::Document> reading;
  verify::VerifyOptions options;
  options.keepDocument = &reading;
  verify::verifyPdf(pdf, "judged.pdf", options);
  ASSERT_NE(reading, nullptr);
  const sign::SignableDocument document(reading);
  EXPECT_EQ(&document.pdf(), reading.get());
  EXPECT_EQ(document.bytes(), pdf);
  EXPECT_EQ(document.name(), "judged.pdf");
  EXPECT_EQ(document.firstPageRef().number, 3);
}

// The xref puts object 5 seven bytes past its "5 0 obj": PoDoFo reads such a file without a word
// (it skips an object it cannot find); the verifier refuses it, and so must the signer.
TEST(SignOwnReader, AFileTheVerifierRefusesIsRefusedWithTheVerifiersReason) {
  std::string pdf = unsignedPdf("bureau-document");
  const std::size_t xref = pdf.find("\nxref\n") + 1;
  const std::size_t entry = xref + std::string("xref\n0 9\n").size() + 5 * 20;
  const std::size_t offset = std::stoul(pdf.substr(entry, 10)) + 7;
  char shifted[11];
  std::snprintf(shifted, sizeof shifted, "%010zu", offset);
  pdf.replace(entry, 10, shifted);
  try {
    const sign::SignableDocument document(pdf, "broken-xref.pdf");
    FAIL() << "signed a file whose xref points past its object";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "sign.pdf");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find("broken-xref.pdf"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("expected object 5"), std::string::npos) << e.what();
  }
}

void expectRefused(const std::string& pdf, const std::string& why) {
  try {
    const sign::SignableDocument document(pdf, "in.pdf");
    FAIL() << "accepted " << why;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "sign.pdf") << e.what();
    EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
  }
}

TEST(SignOwnReader, AnEncryptedFileIsRefused) {
  std::string pdf = unsignedPdf("bureau-document");
  const std::size_t trailer = pdf.find("/Root 1 0 R", pdf.find("trailer"));
  pdf.insert(trailer, "/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> ");
  expectRefused(pdf, "encrypted");
}

TEST(SignOwnReader, APageTreeWithoutAPageOrWithALoopIsRefused) {
  std::string empty = unsignedPdf("bureau-document");
  empty.replace(empty.find("/Kids [3 0 R] /Count 1"), 22, "/Kids [] /Count 0     ");
  expectRefused(empty, "no page");
  std::string loop = unsignedPdf("bureau-document");
  loop.replace(loop.find("/Kids [3 0 R] /Count 1"), 22, "/Kids [2 0 R] /Count 1");
  expectRefused(loop, "no page");
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
