#pragma once
// What the signing tests share: the sample bureau (samples/policy.xml, its seal images and the test
// PKI from samples/make-test-pki.sh, shared with the policy tests), an unsigned PDF shaped like
// a rendered one, `gongwen sign` runs, and independent readers of what a signature holds (the
// ByteRange and the CMS, pulled out of the bytes by hand, checked with the openssl command).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/policy/PolicyTestData.h"
#include "tests/support/PdfAssembler.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing::signfx {

namespace fs = std::filesystem;
inline const std::string kPassword = "gongwen-test";
inline const std::string kPin = "123456";

// The sample bureau of the policy tests (tests/policy/PolicyTestData.h): the sample policy in a
// temporary directory with its seal images and the test PKI, made once for all test processes in
// a cache next to the test binary; plus the seal-use register's directory and the environment
// `gongwen sign` reads its secrets from.
class Bureau {
 public:
  Bureau() : pki_(TestPki::instance()) {
    if (!pki_.ok()) throw std::runtime_error("make-test-pki.sh failed: " + pki_.failure());
    fs::create_directories(file("registry"));
  }
  std::string policyPath() const { return pki_.policyPath(); }
  std::string pki(const std::string& name) const { return pki_.pki(name); }
  std::string file(const std::string& name) const { return pki_.dir() + "/" + name; }
  std::vector<std::string> environment() const {
    return {"GONGWEN_TEST_PASSWORD=" + kPassword, "GONGWEN_TEST_PIN=" + kPin,
            "SOFTHSM2_CONF=" + pki("softhsm2.conf")};
  }
  // SoftHSM2 loses objects when several processes use one token at once: hold this while signing
  // with the token.
  std::unique_ptr<FileLock> lockToken() const { return pki_.lockToken(); }
  // A copy of the policy, next to it, with a timestamp authority configured.
  std::string policyWithTimestamp(const std::string& url) const {
    std::string xml = readFile(policyPath());
    const std::size_t at = xml.find("<register ");
    const std::size_t end = xml.find("/>", at) + 2;
    xml.insert(end, "\n  <timestamp url=\"" + url + "\"/>");
    writeFileAtomically(file("policy-tsa.xml"), xml);
    return file("policy-tsa.xml");
  }

 private:
  const TestPki& pki_;
};

inline Bureau& bureau() {
  static Bureau instance;
  return instance;
}

// A one-page PDF shaped like a rendered 公文 (pipeline/pdf/SealFields.cpp): the claims a document
// rendered for `chain` carries (claimsFor) in the Info dictionary and, when `sealId` is given, an empty
// merged signature field and widget (object 6) whose /GongwenSeal names the seal. The AcroForm sits inline in
// the catalog and the page's /Annots is an indirect array (object 7), so signing must rewrite both kinds of
// container.
inline std::string unsignedPdf(const std::string& chain, const std::string& sealId,
                               const std::string& applicant = "") {
  const std::string content = "BT /F1 16 Tf 72 760 Td (Notice on the annual safety inspection) Tj ET\n";
  const bool seal = !sealId.empty();
  const std::vector<std::string> objects = {
      std::string("<< /Type /Catalog /Pages 2 0 R") + (seal ? " /AcroForm << /Fields [6 0 R] >>" : "") +
          " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> /Annots 7 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Annot /Subtype /Widget /FT /Sig /T (seal) /GongwenSeal (" + sealId +
          ") /Rect [360 90 480 210] /P 3 0 R /F 4 >>",
      seal ? "[6 0 R]" : "[]",
      "<< /Producer (gongwen signing tests) " + claimsFor(chain, applicant) + " >>"};
  return assemblePdf(objects,
                     "/Root 1 0 R /Info 8 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                     "<0123456789ABCDEF0123456789ABCDEF>]",
                     "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

// `gongwen sign IN -o OUT --policy P --as PERSON --step STEP [--credential C]` with secrets from
// the environment.
inline CommandResult signCli(const std::string& in, const std::string& out, const std::string& person,
                             const std::string& step, const std::string& credential = "",
                             const std::string& policy = "") {
  std::vector<std::string> argv = {gongwenBinary(),
                                   "sign",
                                   in,
                                   "-o",
                                   out,
                                   "--policy",
                                   policy.empty() ? bureau().policyPath() : policy,
                                   "--as",
                                   person,
                                   "--step",
                                   step,
                                   "--password-env",
                                   "GONGWEN_TEST_PASSWORD",
                                   "--pin-env",
                                   "GONGWEN_TEST_PIN"};
  if (!credential.empty()) argv.insert(argv.end(), {"--credential", credential});
  return run(argv, bureau().environment());
}

// A minimal DER reader, enough to walk a CMS ContentInfo down to its SignerInfo.
struct Tlv {
  std::size_t at = 0;      // tag byte
  std::size_t header = 0;  // tag + length bytes
  std::size_t length = 0;  // content length
  std::size_t end() const { return at + header + length; }
};

inline Tlv readTlv(const std::string& der, std::size_t at) {
  Tlv t;
  t.at = at;
  const unsigned first = static_cast<unsigned char>(der.at(at + 1));
  if (first < 0x80) {
    t.header = 2;
    t.length = first;
  } else {
    t.header = 2 + (first & 0x7f);
    for (unsigned i = 0; i < (first & 0x7f); ++i)
      t.length = (t.length << 8) | static_cast<unsigned char>(der.at(at + 2 + i));
  }
  return t;
}

inline std::vector<Tlv> children(const std::string& der, const Tlv& parent) {
  std::vector<Tlv> out;
  for (std::size_t at = parent.at + parent.header; at < parent.end(); at = out.back().end())
    out.push_back(readTlv(der, at));
  return out;
}

inline unsigned char tagOf(const std::string& der, const Tlv& t) {
  return static_cast<unsigned char>(der[t.at]);
}

// The parts of a CMS SignerInfo the tests check by hand: the DER the signature covers (signedAttrs
// re-tagged as SET OF), the signature value, and the unsigned attributes ([1], empty if none).
struct SignedAttributes {
  std::string der;
  std::string signature;
  std::string unsignedAttributes;
};

inline SignedAttributes signedAttributesOf(const std::string& cms) {
  const Tlv contentInfo = readTlv(cms, 0);
  const Tlv explicitContent = children(cms, contentInfo).at(1);
  const Tlv signedData = children(cms, explicitContent).at(0);
  const Tlv signerInfos = children(cms, signedData).back();
  const Tlv signerInfo = children(cms, signerInfos).at(0);
  SignedAttributes out;
  for (const Tlv& field : children(cms, signerInfo)) {
    if (tagOf(cms, field) == 0xA0)
      out.der = "\x31" + cms.substr(field.at + 1, field.header - 1 + field.length);
    if (tagOf(cms, field) == 0x04) out.signature = cms.substr(field.at + field.header, field.length);
    if (tagOf(cms, field) == 0xA1) out.unsignedAttributes = cms.substr(field.at, field.header + field.length);
  }
  return out;
}

// One signature as the bytes show it, read without gongwen's code.
struct SignatureBytes {
  long long range[4] = {0, 0, 0, 0};
  std::string signedBytes;  // the two ranges concatenated
  std::string cms;          // DER, trailing zero padding removed
};

// Every /ByteRange in the file, in file order, with what it covers and the CMS in its gap.
inline std::vector<SignatureBytes> signaturesIn(const std::string& pdf) {
  std::vector<SignatureBytes> found;
  for (std::size_t at = pdf.find("/ByteRange"); at != std::string::npos;
       at = pdf.find("/ByteRange", at + 1)) {
    const char* cursor = pdf.c_str() + pdf.find('[', at) + 1;
    SignatureBytes s;
    for (long long& value : s.range) {
      char* end = nullptr;
      value = std::strtoll(cursor, &end, 10);
      cursor = end;
    }
    s.signedBytes = pdf.substr(s.range[0], s.range[1]) + pdf.substr(s.range[2], s.range[3]);
    const std::string hex = pdf.substr(s.range[1] + 1, s.range[2] - s.range[1] - 2);
    std::string der;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
      der += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    s.cms = der.substr(0, readTlv(der, 0).end());
    found.push_back(std::move(s));
  }
  return found;
}

// `openssl cms -verify` of one signature over its ByteRange, trusting the test root. `extra` adds
// options (e.g. -no_attr_verify). Returns the command's result.
inline CommandResult opensslCmsVerify(const SignatureBytes& s, const std::vector<std::string>& extra = {}) {
  TempDir work;
  writeFileAtomically(work.file("sig.der"), s.cms);
  writeFileAtomically(work.file("content.bin"), s.signedBytes);
  std::vector<std::string> argv = {"openssl",  "cms",
                                   "-verify",  "-binary",
                                   "-inform",  "DER",
                                   "-in",      work.file("sig.der"),
                                   "-content", work.file("content.bin"),
                                   "-CAfile",  bureau().pki("root.crt"),
                                   "-purpose", "any",
                                   "-out",     "/dev/null"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run(argv);
}

// pdfsig with an NSS database that trusts the test root.
inline CommandResult pdfsig(const std::string& path) {
  return run({"pdfsig", "-nssdir", bureau().pki("nssdb"), path});
}

inline int countOf(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace gongwen::testing::signfx
