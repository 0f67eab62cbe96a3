#pragma once
// What the verification tests share: the sample bureau (policy + test PKI, made once per test
// program), a small unsigned PDF shaped like a rendered one (an empty seal field, its claims),
// signing through the real `gongwen sign` or, for documents the policy would refuse, through the
// signing library directly, and the incremental updates an attacker would append.

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "signing/cms/OpenSslPtr.h"
#include "signing/sign/IncrementalUpdate.h"
#include "signing/sign/PdfSigner.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/ReportFormat.h"
#include "signing/verify/Verifier.h"
#include "tests/policy/PolicyTestData.h"
#include "tests/signing/SignFixture.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing::verifyfx {

namespace fs = std::filesystem;
using signfx::kPassword;

// The sample bureau: the same policy, seals and test PKI the signing tests use.
using signfx::Bureau;
using signfx::bureau;

// A one-page PDF with a merged empty seal field/widget (object 5, /GongwenSeal) on the page, the
// page content in object 4, font /F1 in object 6 and the claims of a document rendered for `chain`
// (claimsFor; leave chains: by `applicant`) in the Info dictionary. `padding` comment lines inside
// the content stream grow it to a realistic size.
inline std::string unsignedPdf(const std::string& chain, const std::string& sealId = "administrative-seal",
                               const std::string& text = "Notice on the inspection", size_t padding = 0,
                               const std::string& applicant = "") {
  std::string content = "BT /F1 18 Tf 72 700 Td (" + text + ") Tj ET\n";
  for (size_t i = 0; i < padding; ++i) content += "% layout padding line " + std::to_string(i) + "\n";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 0 >> >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R "
      ">> >> "
      "/Annots [5 0 R] >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /FT /Sig /T (seal) /Type /Annot /Subtype /Widget /Rect [380 80 500 200] /P 3 0 R /F 4 /GongwenSeal "
      "/" +
          sealId + " >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Producer (gongwen tests) " + claimsFor(chain, applicant) + " >>"};
  std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 7 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

struct Signer {
  cms::EvpPkeyPtr key;
  cms::X509Ptr certificate;
  cms::X509StackPtr chain;
  cms::SignerMaterial material() const { return {key.get(), certificate.get(), chain.get()}; }
};

inline Signer loadPkcs12(const std::string& path) {
  cms::BioPtr bio(BIO_new_file(path.c_str(), "rb"));
  cms::Pkcs12Ptr p12(bio ? d2i_PKCS12_bio(bio.get(), nullptr) : nullptr);
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  if (!p12 || PKCS12_parse(p12.get(), kPassword.c_str(), &key, &cert, &ca) != 1) {
    throw std::runtime_error("cannot read " + path);
  }
  Signer s;
  s.key.reset(key);
  s.certificate.reset(cert);
  s.chain.reset(ca);
  return s;
}

inline Signer loadPem(const std::string& keyPath, const std::string& certPath) {
  cms::BioPtr keyBio(BIO_new_file(keyPath.c_str(), "r"));
  cms::BioPtr certBio(BIO_new_file(certPath.c_str(), "r"));
  Signer s;
  s.key.reset(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr) : nullptr);
  s.certificate.reset(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!s.key || !s.certificate) throw std::runtime_error("cannot read " + keyPath);
  return s;
}

// Signs with the signing library directly: no policy check, so tests can make the documents the
// policy refuses (out of order, signer outside the policy) and see that verification catches them.
inline std::string signUnchecked(const std::string& pdf, const std::string& step, const std::string& person,
                                 const Signer& signer, const std::string& sealId = "") {
  const sign::SignableDocument document(pdf, "test.pdf");
  sign::SignatureRequest request;
  request.stepId = step;
  request.personId = person;
  request.signerName = person;
  request.reason = step;
  request.sealId = sealId;
  if (!sealId.empty()) request.sealImagePath = sourcePath("samples/seals/" + sealId + ".png");
  request.signingTime = std::time(nullptr);
  return sign::signDocument(document, request, signer.material());
}

// Signs through `gongwen sign` (the policy enforced); returns the signed bytes.
inline std::string signWithCli(const std::string& pdf, const std::string& person, const std::string& step,
                               const std::string& credential = "", const std::string& policy = "") {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  std::vector<std::string> argv = {gongwenBinary(),
                                   "sign",
                                   work.file("in.pdf"),
                                   "-o",
                                   work.file("out.pdf"),
                                   "--policy",
                                   policy.empty() ? bureau().policyPath() : policy,
                                   "--as",
                                   person,
                                   "--step",
                                   step,
                                   "--password-env",
                                   "GONGWEN_TEST_PASSWORD"};
  if (!credential.empty()) argv.insert(argv.end(), {"--credential", credential});
  // A key generated inside the SoftHSM2 token: the PIN from the environment, never argv.
  if (credential == "token") argv.insert(argv.end(), {"--pin-env", "GONGWEN_TEST_PIN"});
  const CommandResult r = run(argv, bureau().environment());
  if (r.exitCode != 0) throw std::runtime_error("gongwen sign " + person + " " + step + " failed: " + r.err);
  return readFile(work.file("out.pdf"));
}

// The body of object `number` as the newest revision defines it (between "obj" and "endobj").
inline std::string objectBody(const std::string& pdf, int number) {
  const verify::pdf::Document document(pdf, "test.pdf");
  const auto* entry = document.entry(number, document.revisions().size() - 1);
  const size_t begin = pdf.find("obj", entry->offset) + 3;
  return pdf.substr(begin, pdf.find("endobj", begin) - begin);
}

// Appends an incremental update replacing `replaced` objects and adding `added` ones (numbered from
// the trailer's /Size on, in order), the way any PDF tool would.
inline std::string appendRevision(const std::string& pdf, const std::map<unsigned, std::string>& replaced,
                                  const std::vector<std::string>& added = {}) {
  const verify::pdf::Document document(pdf, "test.pdf");
  const auto& trailer = document.revisions().back().trailer;
  sign::IncrementalUpdate update(static_cast<unsigned>(trailer.get("Size")->number));
  for (const auto& [number, body] : replaced) update.put(number, 0, body);
  for (const auto& body : added) update.put(update.newObjectNumber(), 0, body);
  const std::string root = "/Root " + std::to_string(trailer.get("Root")->ref.number) + " 0 R";
  const std::string info =
      trailer.get("Info") ? " /Info " + std::to_string(trailer.get("Info")->ref.number) + " 0 R" : "";
  return update.appendTo(pdf, root + info, sign::lastStartXref(pdf, "test.pdf"));
}

// What a signed 公文 is made of, found through its catalog as of the newest revision: the objects an
// attacker rewrites (the catalog, the first page, its first content stream and its first font).
struct DocumentParts {
  unsigned catalog = 0, page = 0, content = 0, font = 0;
};

inline DocumentParts partsOf(const std::string& pdf) {
  const verify::pdf::Document doc(pdf, "test.pdf");
  const size_t last = doc.revisions().size() - 1;
  const auto number = [](const verify::pdf::Object& ref) { return static_cast<unsigned>(ref.ref.number); };
  DocumentParts parts;
  const verify::pdf::Object* root = doc.revisions().back().trailer.get("Root");
  parts.catalog = number(*root);
  verify::pdf::Object node = doc.resolve(*doc.resolve(*root, last).get("Pages"), last);
  while (const verify::pdf::Object* kids = node.get("Kids")) {
    parts.page = number(kids->array->front());
    node = doc.resolve(kids->array->front(), last);
  }
  const verify::pdf::Object* contents = node.get("Contents");
  parts.content =
      number(contents->is(verify::pdf::Object::Kind::Array) ? contents->array->front() : *contents);
  const verify::pdf::Object fonts = doc.resolve(*doc.resolve(*node.get("Resources"), last).get("Font"), last);
  parts.font = number(fonts.dict->front().second);
  return parts;
}

// The next object number an appended revision gives its first added object.
inline unsigned nextObjectNumber(const std::string& pdf) {
  const verify::pdf::Document document(pdf, "test.pdf");
  return static_cast<unsigned>(document.revisions().back().trailer.get("Size")->number);
}

// A 公文 of the proposal chain signed through its whole chain by `gongwen sign` (3 signatures, 4
// revisions), made once per test program.
inline const std::string& sealedProposal() {
  static const std::string pdf = [] {
    std::string p = unsignedPdf("proposal-ordinary");
    p = signWithCli(p, "guzhang", "section-review");
    p = signWithCli(p, "fenguan-liu", "deputy-signoff");
    return signWithCli(p, "bangong", "administrative-seal");
  }();
  return pdf;
}

inline verify::Report verifyWithPolicy(
    const std::string& pdf, const std::string& sm2UserId = std::string(verify::kDefaultSm2UserId)) {
  static const policy::Policy policy = policy::loadPolicy(bureau().policyPath());
  verify::VerifyOptions options;
  options.policy = &policy;
  options.sm2UserId = sm2UserId;
  return verify::verifyPdf(pdf, "test.pdf", options);
}

inline bool hasProblem(const verify::SignatureReport& signature, const std::string& code) {
  for (const auto& p : signature.problems) {
    if (p.code == code) return true;
  }
  return false;
}

inline std::string problemCodes(const verify::Report& report) {
  std::string codes;
  for (const auto& s : report.signatures) {
    for (const auto& p : s.problems) codes += p.code + " ";
  }
  for (const auto& p : report.documentProblems) codes += p.code + " ";
  return codes;
}

// Runs `gongwen verify` on bytes; returns the exit code and output.
inline CommandResult verifyWithCli(const std::string& pdf, const std::string& format = "text") {
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  return run({gongwenBinary(), "verify", work.file("doc.pdf"), "--policy", bureau().policyPath(), "--format",
              format});
}

// pdfsig with an NSS database trusting the test root.
inline CommandResult pdfsig(const std::string& pdf) {
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  return run({"pdfsig", "-nssdir", bureau().pki("nssdb"), work.file("doc.pdf")});
}

inline size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

}  // namespace gongwen::testing::verifyfx
