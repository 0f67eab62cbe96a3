// PAdES B-LT and B-LTA: `gongwen ltv` and `sign --ltv` add the validation data (DSS) in one revision
// and a document timestamp from the policy's authority in the next. A document so extended verifies
// decades ahead, after every certificate of the test PKI has expired (10 years for the signers and
// the TSA, 20 for the root), from what the file carries; the same document without the timestamp
// revision does not. The revisions pass the revision diff as bookkeeping and carry nothing else.

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>

#include "pipeline/core/UtcTime.h"
#include "signing/cms/TimestampClient.h"
#include "signing/sign/DocumentTimestamp.h"
#include "signing/sign/RevisionParts.h"
#include "signing/verify/LongTermValidation.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/support/TsaResponder.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

// 21 years from now: past the root's 20 years.
const std::time_t kDecadesAhead = std::time(nullptr) + 21L * 366 * 24 * 3600;

TsaResponder& tsa() {
  static TsaResponder responder(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  return responder;
}

// The bureau's policy with this process's authority, in a file of this process's own: the bureau
// is shared by every test process, each with its own responder.
std::string policyWithAuthority(const std::string& url) {
  std::string xml = readFile(bureau().policyPath());
  const std::size_t end = xml.find("/>", xml.find("<register ")) + 2;
  xml.insert(end, "\n  <timestamp url=\"" + url + "\"/>");
  const std::string path = bureau().file("policy-ltv-" + std::to_string(getpid()) + ".xml");
  writeFileAtomically(path, xml);
  return path;
}

const std::string& tsaPolicy() {
  static const std::string path = policyWithAuthority(tsa().url());
  return path;
}

// A 纪要 signed in two steps with signature timestamps (B-T).
const std::string& timestampedMinutes() {
  static const std::string pdf = [] {
    std::string p = unsignedPdf("meeting-minutes");
    p = signWithCli(p, "bangong", "minutes-proofread", "", tsaPolicy());
    return signWithCli(p, "juzhang", "principal-signoff", "", tsaPolicy());
  }();
  return pdf;
}

CommandResult ltvCli(const std::string& pdf, const std::string& policy, std::string& out) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  CommandResult r =
      run({gongwenBinary(), "ltv", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy", policy});
  if (r.exitCode == 0) out = readFile(work.file("out.pdf"));
  return r;
}

std::string extended(const std::string& pdf, const std::string& policy) {
  std::string out;
  const CommandResult r = ltvCli(pdf, policy, out);
  if (r.exitCode != 0) throw std::runtime_error("gongwen ltv failed: " + r.err);
  return out;
}

const std::string& ltaMinutes() {
  static const std::string pdf = extended(timestampedMinutes(), tsaPolicy());
  return pdf;
}

verify::Report verifyAt(const std::string& pdf, std::time_t at) {
  static const policy::Policy policy = policy::loadPolicy(bureau().policyPath());
  verify::VerifyOptions options;
  options.policy = &policy;
  options.offline = true;
  if (at != 0) options.at = at;
  return verify::verifyPdf(pdf, "test.pdf", options);
}

// `gongwen verify --offline --at TIME`: only what the file and the policy carry.
CommandResult verifyCliAt(const std::string& pdf, std::time_t at, const std::string& format = "json") {
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  return run({gongwenBinary(), "verify", work.file("doc.pdf"), "--policy", bureau().policyPath(), "--offline",
              "--at", formatUtcTime(at), "--format", format});
}

TEST(LongTermValidation, AnOutputNamingTheInputThePolicyOrADeviceIsRefused) {
  TempDir work;
  const std::string input = work.file("in.pdf");
  writeFileAtomically(input, timestampedMinutes());
  const std::string policyBefore = readFile(tsaPolicy());
  for (const auto& [output, code] :
       std::vector<std::pair<std::string, std::string>>{{input, "io.output-is-input"},
                                                        {tsaPolicy(), "io.output-is-input"},
                                                        {"/dev/null", "io.output-not-regular"}}) {
    const CommandResult r = run({gongwenBinary(), "ltv", input, "-o", output, "--policy", tsaPolicy()});
    EXPECT_EQ(r.exitCode, 6) << output << ": " << r.err;
    EXPECT_NE(r.err.find(code), std::string::npos) << output << ": " << r.err;
  }
  EXPECT_EQ(readFile(input), timestampedMinutes());
  EXPECT_EQ(readFile(tsaPolicy()), policyBefore);
}

// --help shows even though the input, -o and --policy are required; without them it is a usage error.
TEST(LongTermValidation, HelpShowsWithoutTheRequiredArgumentsWhichAreOtherwiseAUsageError) {
  const CommandResult help = run({gongwenBinary(), "ltv", "--help"});
  EXPECT_EQ(help.exitCode, 0) << help.err;
  EXPECT_NE(help.out.find("--policy"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("Exit codes"), std::string::npos) << help.out;
  for (const std::vector<std::string>& args : {std::vector<std::string>{},
                                               {"in.pdf", "--policy", "p.xml"},
                                               {"-o", "out.pdf", "--policy", "p.xml"}}) {
    std::vector<std::string> argv = {gongwenBinary(), "ltv"};
    argv.insert(argv.end(), args.begin(), args.end());
    const CommandResult r = run(argv);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("error[usage]"), std::string::npos) << r.err;
  }
}

struct LtvKill {
  std::string step;  // GONGWEN_TEST_KILL_AT without the signal
  int signal;
  bool outputExpected;
};

void PrintTo(const LtvKill& c, std::ostream* os) { *os << c.step << (c.signal == SIGTERM ? ":TERM" : ""); }

std::string ltvKillName(const ::testing::TestParamInfo<LtvKill>& info) {
  std::string name = info.param.step + (info.param.signal == SIGTERM ? "_TERM" : "_KILL");
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

class LtvKilledAt : public ::testing::TestWithParam<LtvKill> {};

// `gongwen ltv` killed while it adds the DSS revision, the document timestamp revision, or inside the
// write of its output: the input is as it was and there is no output, or, once a SIGTERM has been
// held back until the output is in place, a whole one. A rerun extends the input and clears what the
// killed run left.
TEST_P(LtvKilledAt, LeavesTheInputAndNoHalfWrittenOutput) {
  const LtvKill& c = GetParam();
  TempDir work;
  const std::string input = work.file("in.pdf"), output = work.file("out.pdf");
  writeFileAtomically(input, timestampedMinutes());
  const std::vector<std::string> argv = {gongwenBinary(), "ltv",      input,      "-o",
                                         output,          "--policy", tsaPolicy()};
  const CommandResult killed =
      run(argv, {"GONGWEN_TEST_KILL_AT=" + c.step + (c.signal == SIGTERM ? ":TERM" : "")});
  EXPECT_EQ(killed.exitCode, 128 + c.signal) << "the kill point was not reached: " << killed.err;
  EXPECT_EQ(readFile(input), timestampedMinutes());
  ASSERT_EQ(fs::exists(output), c.outputExpected);
  if (c.outputExpected) {
    EXPECT_TRUE(verifyAt(readFile(output), kDecadesAhead).ok());
    return;
  }
  const CommandResult rerun = run(argv);
  ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
  EXPECT_TRUE(verifyAt(readFile(output), kDecadesAhead).ok());
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(work.path())) left.push_back(entry.path().filename());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"in.pdf", "out.pdf"}));
}

// In the order `ltv` reaches them; temporary-written is inside the atomic write, before the rename,
// where a SIGTERM is held back until the output is in place.
INSTANTIATE_TEST_SUITE_P(EveryStep, LtvKilledAt,
                         ::testing::Values(LtvKill{"ltv-dss-added", SIGKILL, false},
                                           LtvKill{"ltv-dss-added", SIGTERM, false},
                                           LtvKill{"ltv-timestamped", SIGKILL, false},
                                           LtvKill{"ltv-timestamped", SIGTERM, false},
                                           LtvKill{"temporary-written", SIGKILL, false},
                                           LtvKill{"temporary-written", SIGTERM, true}),
                         ltvKillName);

TEST(LongTermValidation, TestPkiHasExpiredDecadesAhead) {
  const long seconds = static_cast<long>(kDecadesAhead - std::time(nullptr));
  for (const char* certificate : {"root.crt", "tsa.crt", "bangong.crt", "juzhang.crt"}) {
    const CommandResult r = run({"openssl", "x509", "-noout", "-checkend", std::to_string(seconds), "-in",
                                 bureau().pki(certificate)});
    EXPECT_EQ(r.exitCode, 1) << certificate << " is still valid then: " << r.out;
  }
}

TEST(LongTermValidation, LtaVerifiesDecadesAheadFromWhatTheFileCarries) {
  const CommandResult r = verifyCliAt(ltaMinutes(), kDecadesAhead);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(count(r.out, "\"level\":\"B-LTA\""), 2u) << r.out;
  EXPECT_EQ(count(r.out, "\"validatedAt\":\"" + formatUtcTime(kDecadesAhead) + "\""), 2u);
  EXPECT_NE(r.out.find("\"documentTimestamps\":[{"), std::string::npos);

  const verify::Report report = verifyAt(ltaMinutes(), kDecadesAhead);
  ASSERT_EQ(report.documentTimestamps.size(), 1u);
  EXPECT_TRUE(report.documentTimestamps[0].valid());
  EXPECT_EQ(report.documentTimestamps[0].revision, report.revisions.size());
  for (const auto& s : report.signatures) EXPECT_EQ(s.timeSource, "timestamp");
  // Both revisions are bookkeeping the diff allows.
  for (const auto& revision : report.revisions)
    for (const auto& change : revision.changes) EXPECT_TRUE(change.allowed()) << change.description;
}

TEST(LongTermValidation, WithoutTheTimestampRevisionItFailsDecadesAhead) {
  // The signatures alone (B-T), and with the DSS but no document timestamp (B-LT).
  const std::string bLt = extended(timestampedMinutes(), bureau().policyPath());
  for (const std::string* pdf : {&timestampedMinutes(), &bLt}) {
    const verify::Report now = verifyAt(*pdf, 0);
    EXPECT_TRUE(now.ok()) << verify::formatText(now);
    const verify::Report later = verifyAt(*pdf, kDecadesAhead);
    EXPECT_FALSE(later.ok());
    for (const auto& s : later.signatures) EXPECT_TRUE(hasProblem(s, "ltv.no-validation-data"));
    EXPECT_EQ(verifyCliAt(*pdf, kDecadesAhead).exitCode, 5);
  }
  EXPECT_EQ(verifyAt(timestampedMinutes(), 0).signatures[0].level, "B-T");
  EXPECT_EQ(verifyAt(bLt, 0).signatures[0].level, "B-LT");
}

TEST(LongTermValidation, PdfsigAndQpdfAcceptTheExtendedFile) {
  const CommandResult sig = pdfsig(ltaMinutes());
  EXPECT_EQ(sig.exitCode, 0) << sig.out << sig.err;
  EXPECT_EQ(count(sig.out, "Signature is Valid"), 2u) << sig.out;
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), ltaMinutes());
  const CommandResult check = run({"qpdf", "--check", work.file("doc.pdf")});
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_EQ(check.out.find("WARNING"), std::string::npos) << check.out;
}

TEST(LongTermValidation, RenewalAddsTheTimestampsValidationDataAndASecondTimestamp) {
  const std::string renewed = extended(ltaMinutes(), tsaPolicy());
  const verify::Report report = verifyAt(renewed, kDecadesAhead);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  ASSERT_EQ(report.documentTimestamps.size(), 2u);
  const verify::pdf::Document doc(renewed, "renewed.pdf");
  const verify::SecurityStore store = verify::readSecurityStore(doc, doc.revisions().size() - 1);
  EXPECT_EQ(store.vriKeys.count(report.documentTimestamps[0].vriKey), 1u);
  EXPECT_TRUE(store.holdsCertificate(report.documentTimestamps[0].validationCertificates.front()));
  for (const auto& revision : report.revisions)
    for (const auto& change : revision.changes) EXPECT_TRUE(change.allowed()) << change.description;
}

TEST(LongTermValidation, ATimestampRenewedAfterItsAuthorityExpiredIsNotRenewed) {
  std::vector<verify::DocumentTimestampReport> timestamps(2);
  timestamps[0].genTime = 1000;
  timestamps[0].authorityExpires = 2000;
  timestamps[1].genTime = 3000;
  timestamps[1].authorityExpires = 9000;
  verify::checkTimestampRenewals(timestamps, 2500);
  EXPECT_FALSE(timestamps[0].valid());
  EXPECT_TRUE(timestamps[1].valid()) << "the newest stands on its own time";

  timestamps[0].problems.clear();
  timestamps[1].genTime = 1500;
  verify::checkTimestampRenewals(timestamps, 2500);
  EXPECT_TRUE(timestamps[0].valid());
}

// A DSS whose /VRI names the signatures but holds none of their certificates, timestamped: nothing
// was secured that could stand in for the CAs once the certificates expire.
TEST(LongTermValidation, AVriEntryWithoutTheCertificatesSecuresNothing) {
  const std::string& pdf = timestampedMinutes();
  std::string vri;
  for (const auto& s : verifyAt(pdf, 0).signatures) vri += "/" + s.vriKey + " << >> ";
  const unsigned dss = nextObjectNumber(pdf);
  std::string catalog = objectBody(pdf, 1);
  catalog.insert(catalog.rfind(">>"), "/DSS " + std::to_string(dss) + " 0 R ");
  const std::string withDss = appendRevision(pdf, {{1, catalog}}, {"<< /VRI << " + vri + ">> >>"});
  const std::string timestamped = sign::addDocumentTimestamp(
      sign::SignableDocument(withDss, "in.pdf"),
      [](std::string_view imprint) { return cms::fetchTimestampToken(tsa().url(), imprint); });

  EXPECT_TRUE(verifyAt(timestamped, 0).ok());
  const verify::Report later = verifyAt(timestamped, kDecadesAhead);
  EXPECT_FALSE(later.ok());
  for (const auto& s : later.signatures) EXPECT_TRUE(hasProblem(s, "ltv.no-validation-data"));
}

// The content stream (object 4) replaced inside the DSS revision.
TEST(LongTermValidation, PageContentRidingInTheDssRevisionIsRejected) {
  const std::string& pdf = timestampedMinutes();
  const unsigned dss = nextObjectNumber(pdf);
  std::string catalog = objectBody(pdf, 1);
  catalog.insert(catalog.rfind(">>"), "/DSS " + std::to_string(dss) + " 0 R ");
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET\n";
  const std::string attacked = appendRevision(
      pdf,
      {{1, catalog},
       {4, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"}},
      {"<< /VRI << >> >>"});
  const verify::Report report = verifyAt(attacked, 0);
  EXPECT_FALSE(report.ok());
  EXPECT_NE(problemCodes(report).find("modified.after-signing"), std::string::npos) << problemCodes(report);
  EXPECT_EQ(report.signatures.back().laterChanges.front().code, "modified.page-content");
}

// A valid document timestamp whose revision also replaces the content stream.
TEST(LongTermValidation, PageContentRidingInTheTimestampRevisionIsRejected) {
  const sign::SignableDocument document(timestampedMinutes(), "in.pdf");
  sign::IncrementalUpdate update = sign::updateFor(document);
  const unsigned signature = update.newObjectNumber();
  sign::addInvisibleSignatureField(document, update, "Document timestamp", signature);
  const std::string content = "BT /F1 18 Tf 72 700 Td (Notice withdrawn) Tj ET\n";
  update.put(4, 0,
             "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  sign::PlacedSignature placed = sign::appendSignature(
      document, update, signature,
      "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange " +
          std::string(sign::kByteRangeWidth, ' ') + " /Contents <" + std::string(32768, '0') + "> >>");
  placed.fill(cms::fetchTimestampToken(tsa().url(), placed.digest(EVP_sha256())), "in.pdf");

  const verify::Report report = verifyAt(placed.pdf, 0);
  ASSERT_EQ(report.documentTimestamps.size(), 1u);
  EXPECT_TRUE(report.documentTimestamps[0].valid()) << "the timestamp itself is genuine";
  EXPECT_FALSE(report.ok());
  bool contentChange = false;
  for (const auto& change : report.signatures.back().laterChanges)
    contentChange = contentChange || change.code == "modified.page-content";
  EXPECT_TRUE(contentChange) << verify::formatText(report);
}

// A document timestamp whose token no longer stamps the bytes it covers fails the document, and
// `sign` builds on nothing that does not hold.
TEST(LongTermValidation, ABrokenDocumentTimestampFailsTheDocumentAndRefusesSigning) {
  std::string pdf = ltaMinutes();
  const std::size_t contents = pdf.rfind("/Contents <") + 11;
  const std::size_t digit = contents + 1000;  // inside the token, past its header
  pdf[digit] = pdf[digit] == '0' ? '1' : '0';
  const verify::Report report = verifyAt(pdf, 0);
  ASSERT_EQ(report.documentTimestamps.size(), 1u);
  EXPECT_FALSE(report.documentTimestamps[0].valid());
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(verifyCliAt(pdf, std::time(nullptr)).exitCode, 5);

  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult r =
      run({gongwenBinary(), "sign", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy", tsaPolicy(),
           "--as", "juzhang", "--step", "principal-signoff", "--password-env", "GONGWEN_TEST_PASSWORD"},
          bureau().environment());
  EXPECT_EQ(r.exitCode, 5) << r.err;
  EXPECT_NE(r.err.find("document timestamp 1"), std::string::npos) << r.err;
}

TEST(LongTermValidation, SignWithLtvExtendsInTheSameRun) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("meeting-minutes"));
  const CommandResult r = run(
      {gongwenBinary(), "sign", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy", tsaPolicy(),
       "--as", "bangong", "--step", "minutes-proofread", "--password-env", "GONGWEN_TEST_PASSWORD", "--ltv"},
      bureau().environment());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const verify::Report report = verifyAt(readFile(work.file("out.pdf")), kDecadesAhead);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_EQ(report.signatures[0].level, "B-LTA");
  EXPECT_EQ(report.revisions.size(), 4u);
}

}  // namespace
}  // namespace gongwen::testing
