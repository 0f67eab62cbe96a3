#pragma once
// What the revocation tests share: a revocation PKI of their own (samples/make-revocation-pki.sh,
// issued by the test root) whose certificates name a CRL distribution point served by an in-process
// HTTP server and an OCSP responder (`openssl ocsp`) on ports chosen for this test, so that tests run
// in parallel never share a server; signing with those certificates, with or without a timestamp.

#include <memory>
#include <string>

#include "signing/cms/TimestampClient.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/support/HttpFileServer.h"
#include "tests/support/LoopbackSocket.h"
#include "tests/support/OcspResponder.h"
#include "tests/support/TsaResponder.h"

namespace gongwen::testing::revocationfx {

using namespace verifyfx;

class RevocationPki {
 public:
  RevocationPki() : crlServer_(dir_.file("root.crl")), ocspPort_(freeLoopbackPort()) {
    const CommandResult made = run({sourcePath("samples/make-revocation-pki.sh"),
                                    fs::path(bureau().pki("root.crt")).parent_path().string(), dir_.path(),
                                    crlServer_.url("root.crl"), ocspUrl()});
    if (made.exitCode != 0) throw std::runtime_error("make-revocation-pki.sh failed: " + made.err);
  }
  std::string file(const std::string& name) const { return dir_.file(name); }
  std::string ocspUrl() const { return "http://127.0.0.1:" + std::to_string(ocspPort_) + "/ocsp"; }
  int ocspPort() const { return ocspPort_; }
  int crlRequests() const { return crlServer_.requests(); }
  // `openssl ocsp` reads a changed index only on the request after the change: start it after
  // revoking.
  std::unique_ptr<OcspResponder> startOcsp() const {
    return std::make_unique<OcspResponder>(
        OcspResponder::Files{file("ca/index.txt"), bureau().pki("root.crt"), file("ocsp-signer.crt"),
                             file("ocsp-signer.key")},
        ocspPort_);
  }
  // Revokes NAME.crt now and reissues the CRL.
  void revoke(const std::string& name) const {
    const CommandResult r =
        run({sourcePath("samples/make-revocation-pki.sh"), "--revoke", dir_.path(), name});
    if (r.exitCode != 0) throw std::runtime_error("revoking " + name + " failed: " + r.err);
  }
  Signer signer(const std::string& name) const { return loadPem(file(name + ".key"), file(name + ".crt")); }

 private:
  TempDir dir_;
  HttpFileServer crlServer_;
  int ocspPort_;
};

// A document signed (B-B) by the revocation PKI's certificate NAME.
inline std::string signedBy(const RevocationPki& pki, const std::string& name) {
  return signUnchecked(unsignedPdf("meeting-minutes"), "minutes-proofread", "bangong", pki.signer(name));
}

// The same with a signature timestamp from the test TSA (B-T): a proven signing time.
inline std::string signedWithTimestampBy(const RevocationPki& pki, const std::string& name) {
  TsaResponder tsa(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  const sign::SignableDocument document(unsignedPdf("meeting-minutes"), "test.pdf");
  sign::SignatureRequest request;
  request.stepId = "minutes-proofread";
  request.personId = request.signerName = "bangong";
  request.reason = request.stepId;
  request.signingTime = std::time(nullptr);
  const Signer signer = pki.signer(name);
  return sign::signDocument(document, request, signer.material(), [&tsa](std::string_view imprint) {
    return cms::fetchTimestampToken(tsa.url(), imprint);
  });
}

// Verification trusting the test root only (no policy), as `verify --trust root.crt` does.
inline verify::Report verifyTrustingRoot(const std::string& pdf, bool offline = false,
                                         const policy::Policy* policy = nullptr) {
  verify::VerifyOptions options;
  options.trustAnchorFiles = {bureau().pki("root.crt")};
  options.offline = offline;
  options.policy = policy;
  return verify::verifyPdf(pdf, "test.pdf", options);
}

// `gongwen verify` on bytes with extra arguments.
inline CommandResult verifyCli(const std::string& pdf, const std::vector<std::string>& extra) {
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  std::vector<std::string> argv = {gongwenBinary(), "verify", work.file("doc.pdf")};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run(argv);
}

// The sample policy with <revocation> naming `crlPath`, written next to the bureau's policy.
inline std::string policyWithCrl(const std::string& crlPath, const std::string& name) {
  std::string xml = readFile(bureau().policyPath());
  const std::string registerLine = "<register path=\"registry/seal-uses.sqlite\"/>";
  const std::size_t at = xml.find(registerLine);
  if (at == std::string::npos) throw std::runtime_error("the sample policy has no register line");
  xml.insert(at + registerLine.size(), "\n  <revocation><crl path=\"" + crlPath + "\"/></revocation>");
  writeFileAtomically(bureau().file(name), xml);
  return bureau().file(name);
}

}  // namespace gongwen::testing::revocationfx
