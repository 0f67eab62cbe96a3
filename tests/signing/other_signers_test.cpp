// PDFs signed by tools that share no code with gongwen — pdfsig (Poppler/NSS, BER with indefinite
// lengths), podofosign, iText 5 and PDFBox 2 (with Bouncy Castle) — on a rendered 公文, on the same
// with object streams and a cross-reference stream (qpdf), and on one we signed first: `gongwen verify
// --trust ROOT` gives each signature the verdict pdfsig and the iText/Bouncy Castle check give it, and
// rejects every revision appended after the other tool's signature (page content, annotation, font, catalog)
// that pdfsig still calls valid.

#include <gtest/gtest.h>

#include "tests/signing/OtherSigners.h"
#include "tests/signing/XrefStreamFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;
using othersigners::Verdict;

struct Fixture {
  std::string name;  // "TOOL on BASE" or "ATTACK after TOOL on BASE"
  std::string path;
  std::string tool;
  bool attacked = false;
};

// The page with one more annotation, `annotation`, whichever way its /Annots is written.
std::string withAnnotation(const std::string& pdf, unsigned page, unsigned annotation,
                           std::map<unsigned, std::string>& replaced) {
  std::string body = xreffx::objectText(pdf, page);
  const std::string ref = " " + std::to_string(annotation) + " 0 R";
  const size_t annots = body.find("/Annots");
  if (annots == std::string::npos) {
    body.insert(body.rfind(">>"), " /Annots [" + ref + "] ");
    return body;
  }
  const size_t value = body.find_first_not_of(" \r\n", annots + 7);
  if (body[value] == '[') {
    body.insert(body.find(']', value), ref);
    return body;
  }
  const auto list = static_cast<unsigned>(std::stoul(body.substr(value)));
  std::string array = xreffx::objectText(pdf, list);
  array.insert(array.rfind(']'), ref);
  replaced[list] = array;
  return body;
}

// The four appended-revision attacks on `signed`, each an update with a cross-reference table or,
// when `xrefStream`, with a cross-reference stream as the tools that write object streams append.
std::vector<std::pair<std::string, std::string>> attacksOn(const std::string& signed_, bool xrefStream) {
  const DocumentParts t = partsOf(signed_);
  const unsigned added = nextObjectNumber(signed_);
  const auto append = [&](std::map<unsigned, std::string> replaced, const std::string& addedBody = "") {
    if (xrefStream) {
      if (!addedBody.empty()) replaced[added] = addedBody;
      return xreffx::appendXrefStreamRevision(signed_, replaced);
    }
    return appendRevision(
        signed_, replaced,
        addedBody.empty() ? std::vector<std::string>{} : std::vector<std::string>{addedBody});
  };
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  std::map<unsigned, std::string> annotated;
  annotated[t.page] = withAnnotation(signed_, t.page, added, annotated);
  std::string catalog = xreffx::objectText(signed_, t.catalog);
  catalog.insert(catalog.rfind(">>"), " /OpenAction << /S /JavaScript /JS (app.alert(1)) >> ");
  return {{"page content changed", append({{t.content, "<< /Length " + std::to_string(content.size()) +
                                                           " >>\nstream\n" + content + "\nendstream"}})},
          {"annotation added", append(annotated,
                                      "<< /Type /Annot /Subtype /FreeText /Rect [60 680 540 730] "
                                      "/Contents (Notice withdrawn) /DA (/Helv 18 Tf 0 g) >>")},
          {"font replaced", append({{t.font, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"}})},
          {"catalog changed", append({{t.catalog, catalog}})}};
}

// A sample 公文 as `gongwen render` makes it (its AcroForm an indirect object: pdfsig cannot add a
// field to one written inline in the catalog), rendered once per test program.
const std::string& renderedLetter() {
  static const std::string pdf = [] {
    TempDir work;
    const CommandResult r =
        run({gongwenBinary(), "render", sourcePath("samples/jobs/letter-deputy-suggestion.xml"), "-o",
             work.file("rendered.pdf")});
    if (r.exitCode != 0) throw std::runtime_error("gongwen render failed: " + r.err);
    return readFile(work.file("rendered.pdf"));
  }();
  return pdf;
}

// `gongwen verify PATH --trust ROOT`: no policy, so 7 is "intact and trusted" for a 公文 (whose
// approval chain is then left unchecked).
CommandResult verifyTrustingRoot(const std::string& path) {
  return run({gongwenBinary(), "verify", path, "--trust", bureau().pki("root.crt")});
}

class OtherSigners : public ::testing::Test {
 protected:
  // Every fixture is signed, attacked and checked by iText once: each JVM start costs half a second.
  static void SetUpTestSuite() {
    work_ = new TempDir;
    const std::string& rendered = renderedLetter();
    struct Base {
      std::string name, pdf;
      bool xrefStream;
    };
    const std::vector<Base> bases = {
        {"a rendered 公文", rendered, false},
        {"a rendered 公文 with object streams", xreffx::qpdf(rendered, {"--object-streams=generate"}), true},
        {"a 公文 gongwen signed", signWithCli(rendered, "guzhang", "section-review"), false}};
    othersigners::ForeignSigners signers("juzhang", "王建国");
    using SignWith = std::string (othersigners::ForeignSigners::*)(const std::string&);
    const std::vector<std::pair<std::string, SignWith>> tools = {
        {"pdfsig", &othersigners::ForeignSigners::pdfsig},
        {"podofosign", &othersigners::ForeignSigners::podofosign},
        {"iText 5", &othersigners::ForeignSigners::itext},
        {"PDFBox 2", &othersigners::ForeignSigners::pdfbox}};
    fixtures_ = new std::vector<Fixture>;
    for (const auto& [tool, signWith] : tools) {
      for (const Base& base : bases) {
        const std::string signed_ = (signers.*signWith)(base.pdf);
        add(tool + " on " + base.name, signed_, tool, false);
        for (const auto& [attack, attacked] : attacksOn(signed_, base.xrefStream))
          add(attack + " after " + tool + " on " + base.name, attacked, tool, true);
      }
    }
    std::vector<std::string> paths;
    for (const auto& f : *fixtures_) paths.push_back(f.path);
    itext_ = new std::map<std::string, std::vector<Verdict>>(othersigners::itextVerdicts(paths));
  }

  static void TearDownTestSuite() {
    delete itext_;
    delete fixtures_;
    delete work_;
  }

  static void add(const std::string& name, const std::string& pdf, const std::string& tool, bool attacked) {
    const std::string path = work_->file(std::to_string(fixtures_->size()) + ".pdf");
    writeFileAtomically(path, pdf);
    fixtures_->push_back({name, path, tool, attacked});
  }

  static TempDir* work_;
  static std::vector<Fixture>* fixtures_;
  static std::map<std::string, std::vector<Verdict>>* itext_;
};

TempDir* OtherSigners::work_ = nullptr;
std::vector<Fixture>* OtherSigners::fixtures_ = nullptr;
std::map<std::string, std::vector<Verdict>>* OtherSigners::itext_ = nullptr;

// podofosign 0.9.8 writes its SignerInfo twice. ISO 32000 and PAdES allow one; iText refuses the
// CMS ("multiple SignerInfos"), so does gongwen; only pdfsig, which reads the first, accepts it.
bool acceptedByCmsRules(const Fixture& f) { return f.tool != "podofosign"; }

void expectTheVerdictPdfsigAndITextGive(const Fixture& f, const std::vector<Verdict>& itext) {
  const std::vector<Verdict> pdfsig = othersigners::pdfsigVerdicts(f.path);
  ASSERT_FALSE(pdfsig.empty());
  ASSERT_EQ(itext.size(), pdfsig.size());
  // The other tool's signature is the last; any before it is ours.
  for (const Verdict& v : pdfsig) EXPECT_TRUE(v.valid) << v.said;
  EXPECT_TRUE(pdfsig.back().wholeDocument) << pdfsig.back().said;
  for (size_t i = 0; i + 1 < itext.size(); ++i) EXPECT_TRUE(itext[i].valid) << itext[i].said;
  EXPECT_EQ(itext.back().valid, acceptedByCmsRules(f)) << itext.back().said;
  EXPECT_EQ(itext.back().wholeDocument, acceptedByCmsRules(f)) << itext.back().said;

  const CommandResult r = verifyTrustingRoot(f.path);
  EXPECT_EQ(r.exitCode, acceptedByCmsRules(f) ? 7 : 5) << r.out;  // 7: intact and trusted, chain unchecked
  if (!acceptedByCmsRules(f)) {
    EXPECT_NE(r.out.find("error[cms.signer-count]"), std::string::npos) << r.out;
  }
}

// gongwen rejects it; pdfsig still calls every signature valid, only no longer covering the whole file.
void expectRejectedWhilePdfsigAcceptsIt(const Fixture& f, const std::vector<Verdict>& itext) {
  const CommandResult r = verifyTrustingRoot(f.path);
  EXPECT_EQ(r.exitCode, 5) << r.out;
  EXPECT_NE(r.out.find("error[modified.after-signing]"), std::string::npos) << r.out;
  const std::vector<Verdict> pdfsig = othersigners::pdfsigVerdicts(f.path);
  ASSERT_FALSE(pdfsig.empty());
  for (const Verdict& v : pdfsig) {
    EXPECT_TRUE(v.valid) << v.said;
    EXPECT_FALSE(v.wholeDocument) << v.said;
  }
  ASSERT_EQ(itext.size(), pdfsig.size());
  EXPECT_EQ(itext.back().valid, acceptedByCmsRules(f)) << itext.back().said;
  EXPECT_FALSE(itext.back().wholeDocument) << itext.back().said;
}

// One test for the whole table: under ctest each test is a process of its own, and each would sign
// every fixture again.
TEST_F(OtherSigners, EachSignatureGetsPdfsigsAndITextsVerdictAndEveryAppendedRevisionIsRejected) {
  for (const Fixture& f : *fixtures_) {
    SCOPED_TRACE(f.name);
    if (f.attacked) {
      expectRejectedWhilePdfsigAcceptsIt(f, (*itext_)[f.path]);
    } else {
      expectTheVerdictPdfsigAndITextGive(f, (*itext_)[f.path]);
    }
  }
}

std::string signedWithPdfsig(const std::string& pdf) {
  static othersigners::ForeignSigners signers("juzhang", "王建国");
  return signers.pdfsig(pdf);
}

verify::Report reportTrustingRoot(const std::string& pdf) {
  verify::VerifyOptions options;
  options.trustAnchorFiles = {bureau().pki("root.crt")};
  return verify::verifyPdf(pdf, "test.pdf", options);
}

TEST(PdfsigSignatures, BerSignatureVerifies) {
  // NSS writes the CMS in BER with indefinite lengths (their end-of-contents octets come before
  // /Contents' zero padding); the signature covers the DER of the signed attributes.
  const std::string pdf = signedWithPdfsig(renderedLetter());
  const std::string cms = signfx::signaturesIn(pdf).back().cms;
  ASSERT_EQ(static_cast<unsigned char>(cms[1]), 0x80) << "pdfsig no longer writes indefinite lengths";
  TempDir work;
  writeFileAtomically(work.file("signed.pdf"), pdf);
  const CommandResult r = verifyTrustingRoot(work.file("signed.pdf"));
  EXPECT_EQ(r.exitCode, 7) << r.out;
  EXPECT_NE(r.out.find("signature:   ok"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("integrity.signature-invalid"), std::string::npos) << r.out;
}

TEST(PdfsigSignatures, ObjectsItLeavesUnusedAreAllowedUnlessTheSignedDocumentRefersToThem) {
  // pdfsig writes the appearance stream of its signature three times and uses the last: after our
  // signature, the unused copies are allowed...
  const std::string unsignedDocument = unsignedPdf("proposal-ordinary");
  const verify::Report report =
      reportTrustingRoot(signedWithPdfsig(signWithCli(unsignedDocument, "guzhang", "section-review")));
  ASSERT_EQ(report.signatures.size(), 2u);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  const auto& changes = report.revisions.back().changes;
  const auto orphan = std::find_if(changes.begin(), changes.end(),
                                   [](const verify::Change& c) { return c.code == "allowed.orphan"; });
  ASSERT_NE(orphan, changes.end()) << verify::formatText(report);

  // ...but the same object filling a reference the document we signed left dangling (here an
  // /OpenAction added before our signature) changes what that document says.
  std::string catalog = objectBody(unsignedDocument, 1);
  catalog.insert(catalog.rfind(">>"), " /OpenAction " + std::to_string(orphan->objectNumber) + " 0 R ");
  const std::string dangling = appendRevision(unsignedDocument, {{1, catalog}});
  const verify::Report refused =
      reportTrustingRoot(signedWithPdfsig(signWithCli(dangling, "guzhang", "section-review")));
  ASSERT_EQ(refused.signatures.size(), 2u);
  EXPECT_TRUE(hasProblem(refused.signatures.front(), "modified.after-signing"))
      << verify::formatText(refused);
  ASSERT_FALSE(refused.signatures.front().laterChanges.empty());
  const verify::Change& change = refused.signatures.front().laterChanges.front();
  EXPECT_EQ(change.code, "modified.unreferenced-object");
  EXPECT_EQ(change.objectNumber, orphan->objectNumber);
}

}  // namespace
}  // namespace gongwen::testing
