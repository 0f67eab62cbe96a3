// The signing library on PDFs shaped unlike our own renderer's: object streams and an xref stream,
// a file without a final newline, a seal field whose widget is a separate /Kids entry; and its
// input errors. Checked with qpdf, openssl and poppler, never with the signer's own reading.

#include <gtest/gtest.h>
#include <openssl/pkcs12.h>

#include "pipeline/core/Error.h"
#include "signing/cms/OpenSslPtr.h"
#include "signing/sign/PdfSigner.h"
#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

struct Pkcs12Key {
  cms::EvpPkeyPtr key;
  cms::X509Ptr certificate;
  cms::X509StackPtr chain;
  cms::SignerMaterial material() const { return {key.get(), certificate.get(), chain.get()}; }
};

Pkcs12Key loadKey(const std::string& name) {
  cms::BioPtr bio(BIO_new_file(bureau().pki(name).c_str(), "rb"));
  cms::OpenSslPtr<PKCS12, PKCS12_free> p12(bio ? d2i_PKCS12_bio(bio.get(), nullptr) : nullptr);
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!p12 || PKCS12_parse(p12.get(), kPassword.c_str(), &key, &certificate, &chain) != 1)
    throw std::runtime_error("cannot read " + name);
  Pkcs12Key k;
  k.key.reset(key);
  k.certificate.reset(certificate);
  k.chain.reset(chain);
  return k;
}

sign::SignatureRequest request(const std::string& step, const std::string& sealId = "") {
  sign::SignatureRequest r;
  r.stepId = step;
  r.personId = "juzhang";
  r.signerName = "王建国";
  r.reason = "局长签发";
  r.sealId = sealId;
  if (!sealId.empty()) r.sealImagePath = sourcePath("samples/seals/" + sealId + ".png");
  r.signingTime = std::time(nullptr);
  return r;
}

std::string signBytes(const std::string& pdf, const sign::SignatureRequest& r) {
  const sign::SignableDocument document(pdf, "input.pdf");
  return sign::signDocument(document, r, loadKey("juzhang.p12").material());
}

// qpdf finds no error, and every signature verifies with openssl over its ByteRange.
void expectSoundSignedFile(const std::string& pdf) {
  TempDir work;
  writeFileAtomically(work.file("signed.pdf"), pdf);
  const CommandResult qpdf = run({"qpdf", "--check", work.file("signed.pdf")});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
  const auto signatures = signaturesIn(pdf);
  ASSERT_FALSE(signatures.empty());
  for (const SignatureBytes& s : signatures) EXPECT_EQ(opensslCmsVerify(s).exitCode, 0);
  EXPECT_EQ(static_cast<std::size_t>(signatures.back().range[2] + signatures.back().range[3]), pdf.size());
}

TEST(PdfSigner, SignsAFileWithObjectStreamsAndAnXrefStream) {
  TempDir work;
  writeFileAtomically(work.file("plain.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  ASSERT_EQ(
      run({"qpdf", "--object-streams=generate", work.file("plain.pdf"), work.file("packed.pdf")}).exitCode,
      0);
  const std::string packed = readFile(work.file("packed.pdf"));
  ASSERT_NE(packed.find("/ObjStm"), std::string::npos);
  const std::string once = signBytes(packed, request("office-proofread"));
  const std::string sealed = signBytes(once, request("administrative-seal", "administrative-seal"));
  expectSoundSignedFile(sealed);
  writeFileAtomically(work.file("sealed.pdf"), sealed);
  const CommandResult sig = pdfsig(work.file("sealed.pdf"));
  EXPECT_EQ(countOf(sig.out, "Signature is Valid."), 2) << sig.out;
}

TEST(PdfSigner, SignsAFileThatDoesNotEndWithANewline) {
  std::string pdf = unsignedPdf("bureau-document", "");
  while (pdf.back() == '\n') pdf.pop_back();
  const std::string signedPdf = signBytes(pdf, request("office-proofread"));
  EXPECT_EQ(signedPdf.compare(0, pdf.size(), pdf), 0);
  expectSoundSignedFile(signedPdf);
}

// A seal field whose widget is a separate kid (/Kids [widget], widget /Parent field): the field gets
// /V and /Lock, the widget gets the appearance.
TEST(PdfSigner, FillsASealFieldWhoseWidgetIsAKid) {
  std::string pdf = unsignedPdf("bureau-document", "administrative-seal");
  // Turn the merged field/widget (object 6) into field 6 + widget 9 without moving any offset:
  // rewrite object 6 in an incremental update made by hand.
  const std::size_t previousXref = std::stoul(pdf.substr(pdf.rfind("startxref") + 10));
  const std::size_t field = pdf.size();
  pdf += "6 0 obj\n<< /FT /Sig /T (seal) /GongwenSeal (administrative-seal) /Kids [9 0 R] >>\nendobj\n";
  const std::size_t widget = pdf.size();
  pdf +=
      "9 0 obj\n<< /Type /Annot /Subtype /Widget /Parent 6 0 R /Rect [360 90 480 210] /P 3 0 R /F 4 "
      ">>\nendobj\n";
  const std::size_t annots = pdf.size();
  pdf += "7 0 obj\n[9 0 R]\nendobj\n";
  const std::size_t xref = pdf.size();
  char entries[160];
  std::snprintf(entries, sizeof entries,
                "xref\n6 2\n%010zu 00000 n \n%010zu 00000 n \n9 1\n%010zu 00000 n \n", field, annots, widget);
  pdf += entries;
  pdf += "trailer\n<< /Size 10 /Root 1 0 R /Info 8 0 R /Prev " + std::to_string(previousXref) +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";

  const std::string approved = signBytes(pdf, request("office-proofread"));
  const std::string sealed = signBytes(approved, request("administrative-seal", "administrative-seal"));
  expectSoundSignedFile(sealed);
  TempDir work;
  writeFileAtomically(work.file("sealed.pdf"), sealed);
  const CommandResult widgetObject = run({"qpdf", "--show-object=9", work.file("sealed.pdf")});
  EXPECT_NE(widgetObject.out.find("/AP << /N"), std::string::npos) << widgetObject.out;
  const CommandResult fieldObject = run({"qpdf", "--show-object=6", work.file("sealed.pdf")});
  EXPECT_NE(fieldObject.out.find("/V "), std::string::npos) << fieldObject.out;
  EXPECT_NE(fieldObject.out.find("/SigFieldLock"), std::string::npos) << fieldObject.out;
}

TEST(PdfSigner, SealWithoutItsEmptyFieldIsAnInputError) {
  try {
    signBytes(unsignedPdf("bureau-document", ""), request("administrative-seal", "administrative-seal"));
    FAIL() << "sealed a document that has no seal field";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "sign.seal-field");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
  }
}

TEST(PdfSigner, BytesThatAreNotAPdfAreAnInputError) {
  try {
    const sign::SignableDocument document("this is not a PDF", "notes.txt");
    FAIL() << "parsed a non-PDF";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "sign.pdf");
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos);
  }
}

}  // namespace
}  // namespace gongwen::testing::signfx
