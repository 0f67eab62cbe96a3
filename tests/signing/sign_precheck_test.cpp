// `gongwen sign` verifies its input before it adds a step: a document whose signatures do not hold
// (destroyed, changed after signing, rewritten) or that the verifier cannot read is refused with the
// verifier's reason, the input untouched, no output and — before a seal — no register row.

#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/signing/XrefStreamFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;
using xreffx::qpdf;

// The bureau document with its three approvals (办公室 proofread, 分管 review, 局长 sign-off): the
// administrative seal is next.
const std::string& approvedDocument() {
  static const std::string pdf = [] {
    std::string p = unsignedPdf("bureau-document");
    p = signWithCli(p, "bangong", "office-proofread");
    p = signWithCli(p, "fenguan-zhang", "deputy-review");
    return signWithCli(p, "juzhang", "director-signoff");
  }();
  return pdf;
}

// The sample policy with a seal register of its own, so that counting its rows is not disturbed by
// other tests sealing at the same time.
class OwnRegister {
 public:
  OwnRegister() {
    const std::string name = "precheck-" + std::to_string(::getpid());
    registerPath_ = bureau().file("registry/" + name + ".sqlite");
    policyPath_ = bureau().file(name + ".xml");
    writeFileAtomically(policyPath_, replaced(readFile(bureau().policyPath()), "registry/seal-uses.sqlite",
                                              "registry/" + name + ".sqlite"));
  }
  ~OwnRegister() {
    fs::remove(policyPath_);
    fs::remove(registerPath_);
  }
  const std::string& policy() const { return policyPath_; }
  // Rows in the register, read with the sqlite3 command; 0 when it was never created.
  int rows() const {
    if (!fs::exists(registerPath_)) return 0;
    const CommandResult r = run({"sqlite3", registerPath_, "SELECT count(*) FROM seal_use;"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return std::atoi(r.out.c_str());
  }

 private:
  std::string policyPath_, registerPath_;
};

struct Refused {
  CommandResult result;
  int registerRows = 0;
};

// Seals `pdf` as 办公室 through `gongwen sign` and checks that nothing was written or changed.
Refused sealRefused(const std::string& pdf) {
  TempDir work;
  OwnRegister sealRegister;
  const std::string in = work.file("in.pdf"), out = work.file("out.pdf");
  writeFileAtomically(in, pdf);
  Refused refused;
  refused.result = signfx::signCli(in, out, "bangong", "administrative-seal", "", sealRegister.policy());
  refused.registerRows = sealRegister.rows();
  EXPECT_EQ(readFile(in), pdf) << "the input was changed";
  EXPECT_FALSE(fs::exists(out)) << "a refused seal wrote its output";
  for (const auto& entry : fs::directory_iterator(work.path()))
    EXPECT_EQ(entry.path().filename(), "in.pdf") << "left behind: " << entry.path();
  return refused;
}

void expectOneErrorLine(const CommandResult& r, const std::string& code) {
  EXPECT_NE(r.err.find("gongwen sign: error[" + code + "]"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(SignPrecheck, HonestApprovedDocumentIsSealedAndRegistered) {
  TempDir work;
  OwnRegister sealRegister;
  writeFileAtomically(work.file("in.pdf"), approvedDocument());
  const CommandResult r = signfx::signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong",
                                          "administrative-seal", "", sealRegister.policy());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(sealRegister.rows(), 1);
}

TEST(SignPrecheck, SealRefusedWhenEverySignatureWasZeroed) {
  std::string pdf = approvedDocument();
  int zeroed = 0;
  for (size_t at = pdf.find("/Contents <"); at != std::string::npos; at = pdf.find("/Contents <", at + 1)) {
    const size_t begin = at + 11, end = pdf.find('>', begin);
    std::fill(pdf.begin() + static_cast<long>(begin), pdf.begin() + static_cast<long>(end), '0');
    ++zeroed;
  }
  ASSERT_EQ(zeroed, 3);
  const Refused refused = sealRefused(pdf);
  EXPECT_EQ(refused.result.exitCode, 5) << refused.result.err;
  expectOneErrorLine(refused.result, "sign.input-does-not-verify");
  EXPECT_NE(refused.result.err.find("signature 1 of 3 (step office-proofread"), std::string::npos)
      << refused.result.err;
  EXPECT_EQ(refused.registerRows, 0);
}

TEST(SignPrecheck, SealRefusedWhenPageContentWasAppendedAfterTheDirectorSigned) {
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET";
  const std::string pdf = appendRevision(
      approvedDocument(),
      {{4, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"}});
  const Refused refused = sealRefused(pdf);
  EXPECT_EQ(refused.result.exitCode, 5) << refused.result.err;
  expectOneErrorLine(refused.result, "sign.input-does-not-verify");
  EXPECT_NE(refused.result.err.find("modified.after-signing"), std::string::npos) << refused.result.err;
  EXPECT_NE(refused.result.err.find("content stream (object 4) of page 1"), std::string::npos)
      << refused.result.err;
  EXPECT_EQ(refused.registerRows, 0);
}

TEST(SignPrecheck, SealRefusedWhenQpdfRewroteTheFile) {
  const std::string pdf = qpdf(approvedDocument(), {});
  ASSERT_NE(pdf, approvedDocument());
  const Refused refused = sealRefused(pdf);
  EXPECT_EQ(refused.result.exitCode, 5) << refused.result.err;
  expectOneErrorLine(refused.result, "sign.input-does-not-verify");
  EXPECT_EQ(refused.registerRows, 0);
}

TEST(SignPrecheck, NextStepRefusedWhenTheFirstWasSignedBySomeoneOutsideThePolicy) {
  // /GongwenPerson claims 办公室, but the TSA's key (a genuine certificate under the bureau's root,
  // no person of the policy) signed: the chain so far breaks a policy rule.
  const Signer outsider = loadPem(bureau().pki("tsa.key"), bureau().pki("tsa.crt"));
  TempDir work;
  const std::string pdf =
      signUnchecked(unsignedPdf("bureau-document"), "office-proofread", "bangong", outsider);
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult r =
      signfx::signCli(work.file("in.pdf"), work.file("out.pdf"), "fenguan-zhang", "deputy-review");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  expectOneErrorLine(r, "policy.unknown-signer");
  EXPECT_NE(r.err.find("policy.unknown-signer"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
  EXPECT_EQ(readFile(work.file("in.pdf")), pdf);
}

TEST(SignPrecheck, UnsignedDocumentWithAnObjectThatDoesNotParseIsRefused) {
  // Nothing is signed yet, but the next signature would vouch for an object no reader agrees on.
  const std::string unsignedDocument = unsignedPdf("bureau-document");
  const unsigned garbage = nextObjectNumber(unsignedDocument);
  const std::string pdf = appendRevision(unsignedDocument, {}, {"<< /Subtype /FreeText ) >>"});
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult r =
      signfx::signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong", "office-proofread");
  EXPECT_EQ(r.exitCode, 3) << r.err;
  expectOneErrorLine(r, "pdf.syntax");
  EXPECT_NE(r.err.find("object " + std::to_string(garbage)), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

// sign refuses what verify cannot read, with verify's own message (same file, same words).
void expectRefusedAsVerifyWould(const std::string& pdf, const std::string& code, const std::string& step) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult verified =
      run({gongwenBinary(), "verify", work.file("in.pdf"), "--policy", bureau().policyPath()});
  ASSERT_EQ(verified.exitCode, 3) << verified.out << verified.err;
  const std::string verifyPrefix = "gongwen verify: ";
  ASSERT_EQ(verified.err.rfind(verifyPrefix, 0), 0u) << verified.err;
  EXPECT_NE(verified.err.find("error[" + code + "]"), std::string::npos) << verified.err;

  const CommandResult r = signfx::signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong", step);
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_EQ(r.err, "gongwen sign: " + verified.err.substr(verifyPrefix.size()));
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
  EXPECT_EQ(readFile(work.file("in.pdf")), pdf);
}

TEST(SignPrecheck, AnXrefStreamVerifyCannotDecodeIsRefusedUpFrontAsVerifyRefusesIt) {
  // Object streams and linearized files are read now; a cross-reference stream in a filter the
  // reader does not decode (LZW, in place of qpdf's FlateDecode, offsets kept) is still refused.
  std::string pdf = qpdf(unsignedPdf("bureau-document"), {"--object-streams=generate"});
  const size_t filter = pdf.find("/FlateDecode", pdf.rfind("/Type /XRef"));
  ASSERT_NE(filter, std::string::npos);
  pdf.replace(filter, 12, "/LZWDecode  ");
  expectRefusedAsVerifyWould(pdf, "pdf.syntax", "office-proofread");
}

}  // namespace
}  // namespace gongwen::testing
