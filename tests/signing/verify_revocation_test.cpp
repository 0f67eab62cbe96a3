// Revocation: every certificate of a signer's chain that names a CRL distribution point or an OCSP
// responder must be shown unrevoked by an answer its issuer (or a delegated responder) signed and
// that is current at the verification time. Revoked before the signing time fails (exit 5),
// revoked after a timestamped signing is a note; no usable answer is a failure, never a pass.

#include <gtest/gtest.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <sys/stat.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/core/ProtectedPaths.h"
#include "signing/cms/HttpClient.h"
#include "signing/verify/RevocationCheck.h"
#include "tests/signing/RevocationFixture.h"

namespace gongwen::testing {
namespace {

using namespace revocationfx;

const verify::CertificateRevocation& signerStatus(const verify::Report& report) {
  if (report.signatures.size() != 1 || report.signatures[0].revocation.empty())
    throw std::runtime_error("no revocation status in:\n" + verify::formatText(report));
  return report.signatures[0].revocation[0];
}

// Meeting minutes signed through their whole chain by the sample bureau (certificates without
// revocation sources).
std::string signedMinutes() {
  const std::string pdf = signWithCli(unsignedPdf("meeting-minutes"), "bangong", "minutes-proofread");
  return signWithCli(pdf, "juzhang", "principal-signoff");
}

TEST(Revocation, OcspGoodPassesAndNamesTheResponder) {
  const RevocationPki pki;
  const auto ocsp = pki.startOcsp();
  const verify::Report report = verifyTrustingRoot(signedBy(pki, "ocsp-good"));
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  const auto& status = signerStatus(report);
  EXPECT_EQ(status.status, verify::RevocationStatus::Good);
  EXPECT_EQ(status.source, "OCSP, network " + pki.ocspUrl());
  EXPECT_FALSE(report.signatures[0].validatedAt.empty());

  const auto json = nlohmann::json::parse(verify::formatJson(report));
  const auto& signature = json["signatures"][0];
  EXPECT_EQ(signature["revocation"][0]["status"], "good");
  EXPECT_EQ(signature["revocation"][0]["source"], "OCSP, network " + pki.ocspUrl());
  EXPECT_EQ(signature["validatedAt"], report.signatures[0].validatedAt);
  EXPECT_NE(verify::formatText(report).find("revocation:  "), std::string::npos);
}

TEST(Revocation, CrlGoodPassesAndNamesTheDistributionPoint) {
  const RevocationPki pki;
  const verify::Report report = verifyTrustingRoot(signedBy(pki, "crl-good"));
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  EXPECT_EQ(signerStatus(report).status, verify::RevocationStatus::Good);
  EXPECT_EQ(signerStatus(report).source.rfind("CRL, network http://127.0.0.1:", 0), 0u);
  EXPECT_EQ(pki.crlRequests(), 1);
}

TEST(Revocation, RevokedBeforeSigningFailsWithExitFiveOverOcsp) {
  const RevocationPki pki;
  const auto ocsp = pki.startOcsp();
  const CommandResult r =
      verifyCli(signedBy(pki, "ocsp-revoked-before"), {"--trust", bureau().pki("root.crt")});
  EXPECT_EQ(r.exitCode, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("error[certificate.revoked]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2020-06-01T00:00:00Z (keyCompromise)"), std::string::npos) << r.out;
}

TEST(Revocation, RevokedBeforeSigningFailsOverCrl) {
  const RevocationPki pki;
  const verify::Report report = verifyTrustingRoot(signedBy(pki, "crl-revoked-before"));
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(hasProblem(report.signatures[0], "certificate.revoked")) << problemCodes(report);
  EXPECT_EQ(signerStatus(report).status, verify::RevocationStatus::Revoked);
  EXPECT_EQ(signerStatus(report).reason, "keyCompromise");
}

// Revoked after a timestamp proved the signing time: valid, with a note. Without a timestamp the
// signing time is only claimed, so the same revocation fails the signature.
TEST(Revocation, RevokedAfterTimestampedSigningPassesWithANote) {
  const RevocationPki pki;
  const std::string overOcsp = signedWithTimestampBy(pki, "ocsp-revoked-after");
  const std::string overCrl = signedWithTimestampBy(pki, "crl-revoked-after");
  const std::string untimestamped = signedBy(pki, "crl-revoked-after");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // revocation times have seconds
  pki.revoke("ocsp-revoked-after");
  pki.revoke("crl-revoked-after");
  const auto ocsp = pki.startOcsp();
  for (const std::string* pdf : {&overOcsp, &overCrl}) {
    const verify::Report report = verifyTrustingRoot(*pdf);
    EXPECT_TRUE(report.ok()) << verify::formatText(report);
    EXPECT_EQ(signerStatus(report).status, verify::RevocationStatus::Revoked);
    ASSERT_EQ(report.signatures[0].notes.size(), 1u);
    EXPECT_NE(report.signatures[0].notes[0].find("after the signing time"), std::string::npos);
    EXPECT_NE(verify::formatText(report).find("note:"), std::string::npos);
  }
  EXPECT_EQ(signerStatus(verifyTrustingRoot(overOcsp)).source.rfind("OCSP", 0), 0u);
  EXPECT_EQ(signerStatus(verifyTrustingRoot(overCrl)).source.rfind("CRL", 0), 0u);
  const verify::Report report = verifyTrustingRoot(untimestamped);
  EXPECT_TRUE(hasProblem(report.signatures[0], "certificate.revoked")) << verify::formatText(report);
}

TEST(Revocation, UnreachableResponderIsAnErrorNotAPass) {
  const RevocationPki pki;  // no responder started on its port
  const CommandResult r = verifyCli(signedBy(pki, "ocsp-good"), {"--trust", bureau().pki("root.crt")});
  EXPECT_EQ(r.exitCode, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("error[revocation.unknown]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("OCSP responder " + pki.ocspUrl()), std::string::npos) << r.out;
}

// A responder that takes the request and never answers is given up within the documented 10 s, as an
// unreachable one is; coreutils' timeout bounds the wait should it hang.
TEST(Revocation, ResponderThatNeverAnswersIsGivenUpWithinTenSeconds) {
  const RevocationPki pki;
  const SilentServer responder(pki.ocspPort());
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), signedBy(pki, "ocsp-good"));
  const auto started = std::chrono::steady_clock::now();
  const CommandResult r = run({"timeout", "30", gongwenBinary(), "verify", work.file("doc.pdf"), "--trust",
                               bureau().pki("root.crt")});
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exitCode, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("error[revocation.unknown]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("OCSP responder " + pki.ocspUrl()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no answer within 10 s"), std::string::npos) << r.out;
  EXPECT_LT(waited, std::chrono::seconds(12));
}

TEST(Revocation, OfflineWithoutRevocationDataIsAFindingAndFetchesNothing) {
  const RevocationPki pki;
  const CommandResult r =
      verifyCli(signedBy(pki, "crl-good"), {"--trust", bureau().pki("root.crt"), "--offline"});
  EXPECT_EQ(r.exitCode, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("error[revocation.unknown]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--offline forbids asking its sources (CRL http://127.0.0.1:"), std::string::npos)
      << r.out;
  EXPECT_EQ(pki.crlRequests(), 0);
}

TEST(Revocation, PolicyCrlAnswersOffline) {
  const RevocationPki pki;
  const policy::Policy policy = policy::loadPolicy(policyWithCrl(pki.file("root.crl.pem"), "policy-crl.xml"));
  ASSERT_EQ(policy.crlFiles, std::vector<std::string>{pki.file("root.crl.pem")});
  struct stat crlStat {};
  ASSERT_EQ(stat(pki.file("root.crl.pem").c_str(), &crlStat), 0);
  EXPECT_TRUE(notedInputAt(pki.file("root.crl.pem"), &crlStat)) << "a policy's CRL is a protected input";

  const verify::Report good = verifyTrustingRoot(signedBy(pki, "ocsp-good"), true, &policy);
  EXPECT_EQ(signerStatus(good).status, verify::RevocationStatus::Good) << verify::formatText(good);
  EXPECT_EQ(signerStatus(good).source, "CRL, policy " + pki.file("root.crl.pem"));
  const verify::Report revoked = verifyTrustingRoot(signedBy(pki, "ocsp-revoked-before"), true, &policy);
  EXPECT_TRUE(hasProblem(revoked.signatures[0], "certificate.revoked")) << verify::formatText(revoked);
  EXPECT_EQ(pki.crlRequests(), 0);
}

// The CRL is current for 30 days: verifying as of later, it speaks for nothing.
TEST(Revocation, StaleCrlIsNotUsed) {
  const RevocationPki pki;
  const policy::Policy policy =
      policy::loadPolicy(policyWithCrl(pki.file("root.crl.pem"), "policy-stale.xml"));
  verify::VerifyOptions options;
  options.policy = &policy;
  options.offline = true;
  options.at = std::time(nullptr) + 40 * 86400;
  const verify::Report report = verify::verifyPdf(signedBy(pki, "crl-revoked-before"), "test.pdf", options);
  EXPECT_EQ(signerStatus(report).status, verify::RevocationStatus::Unknown) << verify::formatText(report);
  EXPECT_NE(signerStatus(report).detail.find("before the verification time"), std::string::npos)
      << signerStatus(report).detail;
}

// A server answering more than the caller bounds is refused, not read to the end.
TEST(Revocation, HttpAnswerPastItsBoundIsRefused) {
  TempDir dir;
  writeFileAtomically(dir.file("big.crl"), std::string(4096, 'x'));
  const HttpFileServer server(dir.file("big.crl"));
  cms::HttpRequest request;
  request.url = server.url("big.crl");
  EXPECT_EQ(cms::httpExchange(request).size(), 4096u);
  request.maxAnswerBytes = 1000;
  EXPECT_EQ(errorCode([&] { cms::httpExchange(request); }), "http.exchange");
}

// A policy CRL is read as every input is (InputFile.h): a missing one is an I/O error like a missing
// trust anchor, one that is not a CRL an input error.
TEST(Revocation, MissingPolicyCrlIsAnIoErrorAndOneThatIsNoCrlAnInputError) {
  const std::string pdf = signedMinutes();
  const CommandResult missing =
      verifyCli(pdf, {"--policy", policyWithCrl("no-such.crl", "policy-missing-crl.xml")});
  EXPECT_EQ(missing.exitCode, 6) << missing.out << missing.err;
  EXPECT_NE(missing.err.find("error[io.read]"), std::string::npos) << missing.err;
  TempDir dir;
  writeFileAtomically(dir.file("not.crl"), "not a CRL\n");
  const CommandResult bad =
      verifyCli(pdf, {"--policy", policyWithCrl(dir.file("not.crl"), "policy-bad-crl.xml")});
  EXPECT_EQ(bad.exitCode, 3) << bad.out << bad.err;
  EXPECT_NE(bad.err.find("error[verify.crl]"), std::string::npos) << bad.err;
}

// A FIFO named as the policy's CRL would wait for a writer for ever, a device never end: both are
// refused at once. coreutils' timeout bounds the wait should one hang.
TEST(Revocation, PolicyCrlThatIsAFifoOrADeviceIsRefusedAtOnce) {
  TempDir dir;
  ASSERT_EQ(::mkfifo(dir.file("crl.fifo").c_str(), 0600), 0);
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), signedMinutes());
  for (const auto& [crl, kind] : std::vector<std::pair<std::string, std::string>>{
           {dir.file("crl.fifo"), "a pipe"}, {"/dev/zero", "a device"}}) {
    const std::string policyPath = policyWithCrl(crl, "policy-" + fs::path(crl).filename().string() + ".xml");
    const auto started = std::chrono::steady_clock::now();
    const CommandResult r =
        run({"timeout", "10", gongwenBinary(), "verify", work.file("doc.pdf"), "--policy", policyPath});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3)) << crl;
    EXPECT_EQ(r.exitCode, 6) << crl << ": " << r.out << r.err;
    EXPECT_NE(r.err.find("error[io.read]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(crl + ": it is " + kind), std::string::npos) << r.err;
  }
}

// An empty CRL with the root's name, signed by an impostor key: it would hide the revocation.
std::string forgedCrl(const RevocationPki& pki) {
  const Signer impostor = loadPem(pki.file("forger.key"), bureau().pki("root.crt"));  // the root's name
  cms::CrlPtr crl(X509_CRL_new());
  cms::OpenSslPtr<ASN1_TIME, ASN1_TIME_free> now(ASN1_TIME_set(nullptr, std::time(nullptr) - 60));
  cms::OpenSslPtr<ASN1_TIME, ASN1_TIME_free> later(ASN1_TIME_set(nullptr, std::time(nullptr) + 86400));
  X509_CRL_set_version(crl.get(), 1);
  X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(impostor.certificate.get()));
  X509_CRL_set1_lastUpdate(crl.get(), now.get());
  X509_CRL_set1_nextUpdate(crl.get(), later.get());
  X509_CRL_sign(crl.get(), impostor.key.get(), EVP_sha256());
  unsigned char* der = nullptr;
  const int length = i2d_X509_CRL(crl.get(), &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

TEST(Revocation, ForgedCrlIsNotTrusted) {
  const RevocationPki pki;
  writeFileAtomically(pki.file("forged.crl"), forgedCrl(pki));
  const policy::Policy policy =
      policy::loadPolicy(policyWithCrl(pki.file("forged.crl"), "policy-forged.xml"));
  const verify::Report report = verifyTrustingRoot(signedBy(pki, "crl-revoked-before"), true, &policy);
  EXPECT_EQ(signerStatus(report).status, verify::RevocationStatus::Unknown) << verify::formatText(report);
  EXPECT_NE(signerStatus(report).detail.find("its signature does not verify with the key of the issuer"),
            std::string::npos)
      << signerStatus(report).detail;
  EXPECT_TRUE(hasProblem(report.signatures[0], "revocation.unknown"));
}

// A "good" OCSP answer for a revoked certificate, signed by `signerName` (an impostor, or a
// certificate of the right issuer that was never delegated to answer).
std::string forgedOcsp(const RevocationPki& pki, const std::string& about, const std::string& signerName) {
  const Signer subject = pki.signer(about);
  const Signer signer = loadPem(pki.file(signerName + ".key"), pki.file(signerName + ".crt"));
  const auto root = cms::readPemCertificates(bureau().pki("root.crt"));
  cms::OcspBasicPtr basic(OCSP_BASICRESP_new());
  OCSP_CERTID* id = OCSP_cert_to_id(nullptr, subject.certificate.get(), root.at(0).get());
  cms::OpenSslPtr<ASN1_TIME, ASN1_TIME_free> now(ASN1_TIME_set(nullptr, std::time(nullptr) - 60));
  cms::OpenSslPtr<ASN1_TIME, ASN1_TIME_free> later(ASN1_TIME_set(nullptr, std::time(nullptr) + 3600));
  OCSP_basic_add1_status(basic.get(), id, V_OCSP_CERTSTATUS_GOOD, 0, nullptr, now.get(), later.get());
  OCSP_CERTID_free(id);
  OCSP_basic_sign(basic.get(), signer.certificate.get(), signer.key.get(), EVP_sha256(), nullptr, 0);
  cms::OcspResponsePtr response(OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
  unsigned char* der = nullptr;
  const int length = i2d_OCSP_RESPONSE(response.get(), &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

TEST(Revocation, ForgedOcspAnswerIsNotTrusted) {
  const RevocationPki pki;
  const Signer revoked = pki.signer("ocsp-revoked-before");
  const auto root = cms::readPemCertificates(bureau().pki("root.crt"));
  cms::X509StackPtr chain(sk_X509_new_null());
  for (X509* certificate : {revoked.certificate.get(), root.at(0).get()}) {
    X509_up_ref(certificate);
    sk_X509_push(chain.get(), certificate);
  }
  // The impostor names itself as the root, whose key does not verify its signature; a certificate of
  // the root's that was never delegated to answer verifies but may not speak.
  for (const auto& [signerName, why] :
       {std::pair<std::string, std::string>{"forger", "its signature does not verify"},
        {"crl-good", "whom the issuer did not delegate with id-kp-OCSPSigning"}}) {
    verify::ValidationData data;
    data.offline = true;
    data.ocspResponses.push_back(
        {forgedOcsp(pki, "ocsp-revoked-before", signerName), verify::ValidationSource::FileDss, ""});
    const auto statuses = verify::checkRevocation(chain.get(), data);
    ASSERT_EQ(statuses.size(), 1u);
    EXPECT_EQ(statuses[0].status, verify::RevocationStatus::Unknown) << signerName;
    EXPECT_NE(statuses[0].detail.find(why), std::string::npos) << statuses[0].detail;
    EXPECT_EQ(statuses[0].detail.rfind("OCSP, file DSS: ", 0), 0u) << statuses[0].detail;
  }
  // The delegated responder's own answer, from the same pool, is taken.
  verify::ValidationData data;
  data.offline = true;
  data.ocspResponses.push_back(
      {forgedOcsp(pki, "ocsp-revoked-before", "ocsp-signer"), verify::ValidationSource::FileDss, ""});
  EXPECT_EQ(verify::checkRevocation(chain.get(), data)[0].status, verify::RevocationStatus::Good);
}

// Without a timestamp the signing time is only claimed: at a verification time past the
// certificate's expiry the signature fails.
TEST(Revocation, VerificationTimePastExpiryFailsAnUntimestampedSignature) {
  const std::string pdf = signedMinutes();
  const CommandResult now = verifyCli(pdf, {"--policy", bureau().policyPath()});
  EXPECT_EQ(now.exitCode, 0) << now.out << now.err;
  const CommandResult later =
      verifyCli(pdf, {"--policy", bureau().policyPath(), "--at", "2046-01-31T08:00:00Z"});
  EXPECT_EQ(later.exitCode, 5) << later.out << later.err;
  EXPECT_NE(later.out.find("the verification time: no timestamp proves the signing time"), std::string::npos)
      << later.out;
  EXPECT_NE(later.out.find("validated at: 2046-01-31T08:00:00Z"), std::string::npos) << later.out;
  const CommandResult bad = verifyCli(pdf, {"--policy", bureau().policyPath(), "--at", "tomorrow"});
  EXPECT_EQ(bad.exitCode, 2) << bad.err;
}

// The sample certificates name no revocation source: reported as not checked, not failed.
TEST(Revocation, CertificateNamingNoSourceIsReportedNotFailed) {
  const verify::Report report = verifyWithPolicy(signedMinutes());
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  for (const auto& signature : report.signatures) {
    ASSERT_EQ(signature.revocation.size(), 1u);
    EXPECT_EQ(signature.revocation[0].status, verify::RevocationStatus::Undeclared);
  }
}

}  // namespace
}  // namespace gongwen::testing
