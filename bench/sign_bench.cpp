// One PAdES signature on a ~100 kB PDF, in-process, RSA-2048 (key and certificate made once, in
// memory): parse the PDF, build the incremental revision, hash the ByteRange, sign the CMS.
// Target: <= 1.5 ms per signature on one core. The parts are measured separately to show where
// the time goes.

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstdio>
#include <string>
#include <vector>

#include "signing/cms/CadesSigner.h"
#include "signing/sign/PdfSigner.h"

namespace {

struct Credentials {
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
};

const Credentials& credentials() {
  static const Credentials made = [] {
    Credentials c;
    c.key = EVP_RSA_gen(2048);
    c.certificate = X509_new();
    X509_set_version(c.certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c.certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(c.certificate), 0);
    X509_gmtime_adj(X509_getm_notAfter(c.certificate), 86400);
    X509_NAME* name = X509_get_subject_name(c.certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("王建国"),
                               -1, -1, 0);
    X509_set_issuer_name(c.certificate, name);
    X509_set_pubkey(c.certificate, c.key);
    X509_sign(c.certificate, c.key, EVP_sha256());
    return c;
  }();
  return made;
}

// A one-page document of about `bytes` bytes: a long content stream, /GongwenChain, no seal field.
std::string documentOfSize(std::size_t bytes) {
  std::string content;
  for (int i = 0; content.size() < bytes; ++i)
    content +=
        "BT /F1 10 Tf 72 " + std::to_string(100 + i % 600) + " Td (line " + std::to_string(i) + ") Tj ET\n";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /GongwenChain (bureau-document) >>"};
  std::string pdf = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

gongwen::sign::SignatureRequest approval() {
  gongwen::sign::SignatureRequest request;
  request.stepId = "director-signoff";
  request.personId = "juzhang";
  request.signerName = "王建国";
  request.reason = "局长签发";
  request.signingTime = 1795000000;
  return request;
}

void BM_SignApproval100kB(benchmark::State& state) {
  const std::string pdf = documentOfSize(100 * 1024);
  const gongwen::cms::SignerMaterial signer{credentials().key, credentials().certificate, nullptr};
  const gongwen::sign::SignatureRequest request = approval();
  for (auto _ : state) {
    const gongwen::sign::SignableDocument document(pdf, "bench.pdf");
    benchmark::DoNotOptimize(gongwen::sign::signDocument(document, request, signer));
  }
  state.counters["pdf_bytes"] = static_cast<double>(pdf.size());
}
BENCHMARK(BM_SignApproval100kB)->Unit(benchmark::kMillisecond);

void BM_ParseOnly100kB(benchmark::State& state) {
  const std::string pdf = documentOfSize(100 * 1024);
  for (auto _ : state) {
    const gongwen::sign::SignableDocument document(pdf, "bench.pdf");
    benchmark::DoNotOptimize(document.chainId());
  }
}
BENCHMARK(BM_ParseOnly100kB)->Unit(benchmark::kMillisecond);

void BM_CmsOnlyRsa2048(benchmark::State& state) {
  const gongwen::cms::SignerMaterial signer{credentials().key, credentials().certificate, nullptr};
  const std::string digest(32, '\x5a');
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::cms::buildCadesSignature(signer, digest));
}
BENCHMARK(BM_CmsOnlyRsa2048)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
