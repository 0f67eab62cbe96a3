// The signing library on PDFs shaped unlike our own renderer's: object streams and an xref stream,
// a file without a final newline, a seal field whose widget is a separate /Kids entry; and its
// input errors. Checked with qpdf, openssl and poppler, never with the signer's own reading.

#include <gtest/gtest.h>
#include <openssl/pkcs12.h>
#include <zlib.h>

#include <cmath>
#include <cstdlib>

#include "pipeline/core/Error.h"
#include "signing/cms/OpenSslPtr.h"
#include "signing/sign/PdfSigner.h"
#include "tests/signing/SignFixture.h"
#include "tests/support/PdfInspect.h"

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
  cms::Pkcs12Ptr p12(bio ? d2i_PKCS12_bio(bio.get(), nullptr) : nullptr);
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

// A PNG chunk: length, type, data, CRC over type and data (PNG spec §5.3).
std::string pngChunk(const std::string& type, const std::string& data) {
  const auto bigEndian = [](std::uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  const std::string body = type + data;
  return bigEndian(static_cast<std::uint32_t>(data.size())) + body +
         bigEndian(static_cast<std::uint32_t>(
             crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

// A `size`² RGBA PNG of a red disc on transparency, in noisy shades of red so that every PNG
// predictor matters, its rows filtered with each of the five filter types in turn (PNG spec §9.2),
// so that the reader must undo all of them.
std::string rgbaDiscPng(int size) {
  std::string raw, previous(std::size_t(size) * 4, '\0');
  unsigned noise = 12345;
  for (int y = 0; y < size; ++y) {
    std::string row;
    for (int x = 0; x < size; ++x) {
      const double dx = x + 0.5 - size / 2.0, dy = y + 0.5 - size / 2.0;
      const bool inside = dx * dx + dy * dy < size * size / 4.0;
      noise = noise * 1103515245 + 12345;
      row +=
          {char(200 + (noise >> 16) % 56), char((noise >> 8) % 40), char(noise % 40), char(inside ? 255 : 0)};
    }
    const int filter = y % 5;
    raw += char(filter);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const int a = i >= 4 ? std::uint8_t(row[i - 4]) : 0, b = std::uint8_t(previous[i]),
                c = i >= 4 ? std::uint8_t(previous[i - 4]) : 0;
      const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
      const int predictors[] = {0, a, b, (a + b) / 2, pa <= pb && pa <= pc ? a : pb <= pc ? b : c};
      raw += char(std::uint8_t(row[i]) - predictors[filter]);
    }
    previous = row;
  }
  uLongf length = compressBound(raw.size());
  std::string compressed(length, '\0');
  compress(reinterpret_cast<Bytef*>(compressed.data()), &length, reinterpret_cast<const Bytef*>(raw.data()),
           raw.size());
  compressed.resize(length);
  const std::string header{0, 0, 0, char(size), 0, 0, 0, char(size), 8, 6, 0, 0, 0};
  return "\x89PNG\r\n\x1a\n" + pngChunk("IHDR", header) + pngChunk("IDAT", compressed) + pngChunk("IEND", "");
}

// A seal image with an alpha channel (the samples have none: they are drawn on white for the
// Multiply blend) keeps its alpha as the image's /SMask, and its pixels are painted in the field.
TEST(PdfSigner, AnRgbaSealImageIsPaintedThroughItsAlpha) {
  TempDir work;
  writeFileAtomically(work.file("disc.png"), rgbaDiscPng(60));
  sign::SignatureRequest seal = request("administrative-seal", "administrative-seal");
  seal.sealImagePath = work.file("disc.png");
  const std::string approved =
      signBytes(unsignedPdf("bureau-document", "administrative-seal"), request("office-proofread"));
  const std::string sealed = signBytes(approved, seal);
  expectSoundSignedFile(sealed);
  EXPECT_NE(sealed.find("/SMask", approved.size()), std::string::npos);
  writeFileAtomically(work.file("sealed.pdf"), sealed);
  // The field [360 90 480 210] at 72 dpi: red inside the disc, paper outside it.
  const Raster page = PdfInspect(work.file("sealed.pdf")).render(0, 72);
  int wrong = 0;
  for (int y = 842 - 210; y < 842 - 90; ++y) {
    for (int x = 360; x < 480; ++x) {
      const double distance = std::hypot(x + 0.5 - 420, y + 0.5 - (842 - 150));
      const int redness = page.redness[static_cast<std::size_t>(y) * page.width + x];
      if ((distance < 57 && redness < 150) || (distance > 63 && redness != 0)) ++wrong;
    }
  }
  EXPECT_EQ(wrong, 0);
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
