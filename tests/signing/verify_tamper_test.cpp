// The tamper corpus, generated from honestly signed documents: each attack must be caught by
// gongwen verify with its own reason. For the updates appended after the seal, pdfsig (like
// `mutool sign -v`) still reports every signature as valid — the tests show that difference.

#include <gtest/gtest.h>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

// The bureau document signed through its whole chain, made once: 4 signatures, 5 revisions.
const std::string& sealedDocument() {
  static const std::string pdf = [] {
    std::string p = unsignedPdf("bureau-document");
    p = signWithCli(p, "bangong", "office-proofread");
    p = signWithCli(p, "fenguan-zhang", "deputy-review");
    p = signWithCli(p, "juzhang", "director-signoff");
    return signWithCli(p, "bangong", "administrative-seal");
  }();
  return pdf;
}

// Every signature fails, each for `code`; and `gongwen verify` exits 5.
void expectEverySignatureFails(const std::string& pdf, const std::string& code) {
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_FALSE(report.signatures.empty());
  for (const auto& s : report.signatures) {
    EXPECT_TRUE(hasProblem(s, code)) << "signature " << s.field << " lacks " << code << ": "
                                     << problemCodes(report);
  }
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

// pdfsig still calls every signature valid: it only checks each CMS over its own byte range.
void expectPdfsigStillSaysValid(const std::string& pdf, size_t signatures) {
  const CommandResult sig = pdfsig(pdf);
  EXPECT_EQ(count(sig.out, "Signature is Valid."), signatures) << sig.out;
}

// The byte offset of the N-th signature dictionary's /ByteRange array, and its text.
std::pair<size_t, std::string> byteRangeOf(const std::string& pdf, int signatureObject) {
  const size_t dict = pdf.find(std::to_string(signatureObject) + " 0 obj");
  const size_t open = pdf.find('[', pdf.find("/ByteRange", dict));
  const size_t close = pdf.find(']', open);
  return {open, pdf.substr(open, close - open + 1)};
}

// Rewrites a /ByteRange in place with the same width (so no offset moves).
std::string withByteRange(std::string pdf, int signatureObject, const std::vector<long>& values) {
  const auto [offset, old] = byteRangeOf(pdf, signatureObject);
  std::string text = "[";
  for (long v : values) text += std::to_string(v) + " ";
  text.back() = ']';
  EXPECT_LE(text.size(), old.size());
  text.insert(text.size() - 1, std::string(old.size() - text.size(), ' '));
  pdf.replace(offset, old.size(), text);
  return pdf;
}

std::vector<long> byteRangeValues(const std::string& pdf, int signatureObject) {
  std::istringstream in(byteRangeOf(pdf, signatureObject).second.substr(1));
  std::vector<long> v(4);
  for (long& x : v) in >> x;
  return v;
}

int lastSignatureObject(const std::string& pdf) {
  return verifyWithPolicy(pdf).signatures.back().signatureObject;
}

TEST(TamperCorpus, HonestSealedDocumentIsTheBaseline) {
  const verify::Report report = verifyWithPolicy(sealedDocument());
  ASSERT_EQ(report.signatures.size(), 4u);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
}

TEST(TamperCorpus, AllowedLaterRevisionAddingValidationDataIsNotATamper) {
  // The whitelist is not "nothing may follow the seal": a DSS (long-term validation data) revision
  // is allowed, and reported as such.
  const std::string& sealed = sealedDocument();
  const unsigned certificate = nextObjectNumber(sealed);
  std::string catalog = objectBody(sealed, 1);
  catalog.insert(catalog.rfind(">>"), " /DSS << /Certs [" + std::to_string(certificate) + " 0 R] >> ");
  const std::string pdf =
      appendRevision(sealed, {{1, catalog}}, {"<< /Length 4 >>\nstream\n0000\nendstream"});
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  ASSERT_EQ(report.revisions.size(), 6u);
  ASSERT_FALSE(report.revisions.back().changes.empty());
  EXPECT_TRUE(report.revisions.back().changes.front().allowed());
}

TEST(TamperCorpus, ByteFlippedInsideTheSignedRange) {
  std::string pdf = sealedDocument();
  const size_t inContent = pdf.find("Notice on");
  ASSERT_NE(inContent, std::string::npos);
  pdf[inContent] = 'n';  // inside the first revision's page content: covered by every signature
  expectEverySignatureFails(pdf, "integrity.digest-mismatch");
}

TEST(TamperCorpus, UpdateAfterTheSealChangingPageContent) {
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  const std::string pdf = appendRevision(
      sealedDocument(),
      {{4, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"}});
  expectEverySignatureFails(pdf, "modified.after-signing");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_FALSE(report.signatures.back().laterChanges.empty());
  const verify::Change& change = report.signatures.back().laterChanges.front();
  EXPECT_EQ(change.code, "modified.page-content");
  EXPECT_EQ(change.objectNumber, 4);
  EXPECT_EQ(change.page, 1);
  expectPdfsigStillSaysValid(pdf, 4);
}

TEST(TamperCorpus, UpdateAfterTheSealAddingAnOverlayAnnotation) {
  const std::string& sealed = sealedDocument();
  const unsigned overlay = nextObjectNumber(sealed);
  std::string page = objectBody(sealed, 3);
  const size_t annots = page.find(']', page.find("/Annots"));
  page.insert(annots, " " + std::to_string(overlay) + " 0 R");
  const std::string pdf = appendRevision(sealed, {{3, page}},
                                         {"<< /Type /Annot /Subtype /FreeText /Rect [60 680 540 730] "
                                          "/Contents (Notice withdrawn) /DA (/Helv 18 Tf 0 g) "
                                          "/IC [1 1 1] >>"});
  expectEverySignatureFails(pdf, "modified.after-signing");
  const verify::Report report = verifyWithPolicy(pdf);
  const verify::Change& change = report.signatures.front().laterChanges.front();
  EXPECT_EQ(change.code, "modified.annotation");
  EXPECT_NE(change.description.find("/FreeText"), std::string::npos) << change.description;
  expectPdfsigStillSaysValid(pdf, 4);
}

TEST(TamperCorpus, UpdateAfterTheSealReplacingAFont) {
  const std::string pdf =
      appendRevision(sealedDocument(), {{6, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"}});
  expectEverySignatureFails(pdf, "modified.after-signing");
  const verify::Report report = verifyWithPolicy(pdf);
  const verify::Change& change = report.signatures.front().laterChanges.front();
  EXPECT_EQ(change.code, "modified.font");
  EXPECT_NE(change.description.find("font /F1"), std::string::npos) << change.description;
  expectPdfsigStillSaysValid(pdf, 4);
}

TEST(TamperCorpus, UpdateAfterTheSealRewritingTheCatalog) {
  const std::string& sealed = sealedDocument();
  std::string catalog = objectBody(sealed, 1);
  catalog.insert(catalog.rfind(">>"), " /OpenAction << /S /JavaScript /JS (app.alert(1)) >> ");
  const std::string pdf = appendRevision(sealed, {{1, catalog}});
  expectEverySignatureFails(pdf, "modified.after-signing");
  EXPECT_EQ(verifyWithPolicy(pdf).signatures.front().laterChanges.front().code, "modified.catalog");
  expectPdfsigStillSaysValid(pdf, 4);
}

TEST(TamperCorpus, UpdateAfterTheSealReplacingTheSealAppearance) {
  const std::string& sealed = sealedDocument();
  const unsigned picture = nextObjectNumber(sealed);
  std::string field = objectBody(sealed, 5);
  const size_t ap = field.find("/AP");
  ASSERT_NE(ap, std::string::npos) << field;
  field.replace(ap, field.find(">>", ap) + 2 - ap, "/AP << /N " + std::to_string(picture) + " 0 R >>");
  const std::string pdf = appendRevision(
      sealed, {{5, field}},
      {"<< /Type /XObject /Subtype /Form /BBox [0 0 120 120] /Length 0 >>\nstream\n\nendstream"});
  expectEverySignatureFails(pdf, "modified.after-signing");
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_EQ(report.signatures.front().laterChanges.front().code, "modified.form");
  expectPdfsigStillSaysValid(pdf, 4);
}

TEST(TamperCorpus, UpdateAfterTheSealAddingAVisibleUnsignedSignatureWidget) {
  // A signature field is the one kind of annotation a later revision may add — but only with its
  // signature, or invisible. A visible empty one is an overlay in disguise.
  const std::string& sealed = sealedDocument();
  const unsigned widget = nextObjectNumber(sealed);
  std::string page = objectBody(sealed, 3);
  page.insert(page.find(']', page.find("/Annots")), " " + std::to_string(widget) + " 0 R");
  const std::string pdf = appendRevision(
      sealed, {{3, page}},
      {"<< /Type /Annot /Subtype /Widget /FT /Sig /T (cover) /Rect [0 0 595 842] /P 3 0 R /F 4 >>"});
  expectEverySignatureFails(pdf, "modified.after-signing");
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_EQ(report.signatures.front().laterChanges.front().code, "modified.annotation");
}

TEST(TamperCorpus, ByteRangeLeavingAGap) {
  const std::string& sealed = sealedDocument();
  const int seal = lastSignatureObject(sealed);
  std::vector<long> range = byteRangeValues(sealed, seal);
  range[1] -= 10;  // ten more bytes before /Contents left unsigned
  const verify::Report report = verifyWithPolicy(withByteRange(sealed, seal, range));
  EXPECT_TRUE(hasProblem(report.signatures.back(), "byterange.gap-not-contents")) << problemCodes(report);
  EXPECT_FALSE(report.ok());
}

TEST(TamperCorpus, ByteRangeNotReachingTheEnd) {
  const std::string& sealed = sealedDocument();
  const int seal = lastSignatureObject(sealed);
  std::vector<long> range = byteRangeValues(sealed, seal);
  range[3] -= 20;
  const verify::Report report = verifyWithPolicy(withByteRange(sealed, seal, range));
  EXPECT_TRUE(hasProblem(report.signatures.back(), "byterange.not-revision-end")) << problemCodes(report);
  EXPECT_FALSE(report.ok());
}

TEST(TamperCorpus, SecondContentsHiddenInTheGap) {
  // The signature dictionary is redefined with another /Contents; the signed one stays in the gap.
  const std::string& sealed = sealedDocument();
  const int seal = lastSignatureObject(sealed);
  std::string dict = objectBody(sealed, seal);
  const size_t contents = dict.find('<', dict.find("/Contents"));
  dict.replace(contents + 1, 4, "3082");  // still hex, different bytes
  dict.replace(contents + 20, 8, "DEADBEEF");
  const std::string pdf = appendRevision(sealed, {{static_cast<unsigned>(seal), dict}});
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_TRUE(hasProblem(report.signatures.back(), "byterange.gap-not-contents")) << problemCodes(report);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(TamperCorpus, SignatureCopiedFromAnotherDocument) {
  // Same signer, same step, another document: its /Contents pasted over this one's.
  const std::string& sealed = sealedDocument();
  std::string other = unsignedPdf("bureau-document", "administrative-seal", "Another notice");
  other = signWithCli(other, "bangong", "office-proofread");
  const int target = verifyWithPolicy(sealed).signatures.front().signatureObject;
  const int source = verifyWithPolicy(other).signatures.front().signatureObject;
  const auto hexOf = [](const std::string& pdf, int object) {
    const size_t dict = pdf.find(std::to_string(object) + " 0 obj");
    const size_t open = pdf.find('<', pdf.find("/Contents", dict));
    return std::make_pair(open, pdf.substr(open, pdf.find('>', open) - open + 1));
  };
  auto [offset, hex] = hexOf(sealed, target);
  const std::string copied = hexOf(other, source).second;
  ASSERT_EQ(copied.size(), hex.size()) << "both signatures reserve the same /Contents space";
  std::string pdf = sealed;
  pdf.replace(offset, hex.size(), copied);
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_TRUE(hasProblem(report.signatures.front(), "integrity.digest-mismatch")) << problemCodes(report);
  EXPECT_TRUE(report.signatures.front().signatureOk) << "the copied CMS is itself genuine";
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(TamperCorpus, SignerOutsideThePolicy) {
  // The TSA's key is a genuine certificate under the bureau's root, but no person of the policy.
  const Signer outsider = loadPem(bureau().pki("tsa.key"), bureau().pki("tsa.crt"));
  const std::string pdf =
      signUnchecked(unsignedPdf("bureau-document"), "office-proofread", "bangong", outsider);
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_TRUE(report.signatures[0].signatureOk);
  EXPECT_TRUE(hasProblem(report.signatures[0], "policy.unknown-signer")) << problemCodes(report);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(TamperCorpus, ClaimedPersonIsNotTheCertificateHolder) {
  // /GongwenPerson says 局长, but 办公室主任's key signed: identity comes from the certificate only.
  const std::string leave =
      unsignedPdf("leave-short-leader", "administrative-seal", "Leave request", 0, "fenguan-zhang");
  const std::string pdf =
      signUnchecked(leave, "director-approval", "juzhang", loadPkcs12(bureau().pki("bangong.p12")));
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_EQ(report.signatures[0].personId, "bangong");
  EXPECT_TRUE(hasProblem(report.signatures[0], "policy.certificate-mismatch")) << problemCodes(report);
}

TEST(TamperCorpus, StepsOutOfOrder) {
  std::string pdf = unsignedPdf("bureau-document");
  pdf = signUnchecked(pdf, "director-signoff", "juzhang", loadPkcs12(bureau().pki("juzhang.p12")));
  pdf = signUnchecked(pdf, "office-proofread", "bangong", loadPkcs12(bureau().pki("bangong.p12")));
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 2u);
  EXPECT_TRUE(report.signatures[0].signatureOk && report.signatures[1].signatureOk);
  EXPECT_NE(problemCodes(report).find("policy.step-out-of-order"), std::string::npos) << problemCodes(report);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
  expectPdfsigStillSaysValid(pdf, 2);
}

TEST(TamperCorpus, CertificateExpiredAtSigningTime) {
  const std::string pdf = signUnchecked(unsignedPdf("bureau-document"), "office-proofread", "bangong",
                                        loadPkcs12(bureau().pki("bangong-expired.p12")));
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_TRUE(hasProblem(report.signatures[0], "certificate.untrusted")) << problemCodes(report);
  EXPECT_NE(report.signatures[0].trust.find("expired"), std::string::npos) << report.signatures[0].trust;
}

TEST(TamperCorpus, BytesAppendedWithoutARevision) {
  const std::string pdf = sealedDocument() + "1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  expectEverySignatureFails(pdf, "modified.after-signing");
}

}  // namespace
}  // namespace gongwen::testing
