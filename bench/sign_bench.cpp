// One PAdES signature on a ~100 kB PDF, in-process, RSA-2048 (key and certificate made once, in
// memory): parse the PDF, build the incremental revision, hash the ByteRange, sign the CMS.
// Target: <= 1.5 ms per signature on one core. The parts are measured separately to show where
// the time goes.

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <string>
#include <vector>

#include "signing/cms/CadesSigner.h"
#include "signing/sign/PdfSigner.h"
#include "tests/support/PdfAssembler.h"

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
  const std::string pdf = gongwen::testing::documentOfSize(100 * 1024);
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
  const std::string pdf = gongwen::testing::documentOfSize(100 * 1024);
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
