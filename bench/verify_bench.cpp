// Verification of a ~100 kB PDF, in-process, RSA-2048: one signature, and four signatures in four
// revisions (the bureau chain); and the same four signatures timestamped and extended to PAdES B-LTA
// (DSS and document timestamp revisions), verified 20 years ahead from what the file carries. Each iteration
// does everything `gongwen verify` does: parse the xref chain, check every ByteRange, hash the signed bytes,
// verify the CMS and signing-certificate-v2, build the certificate chain to the trust anchor, and diff every
// later revision. Target: <= 1 ms per signature verified on one core. The floor is SHA-256 of the covered
// bytes plus one RSA-2048 verification; it is measured alongside.

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/UtcTime.h"
#include "signing/cms/TimestampClient.h"
#include "signing/ltv/LongTermExtension.h"
#include "signing/sign/PdfSigner.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/Verifier.h"
#include "tests/support/PdfAssembler.h"
#include "tests/support/SelfSignedKey.h"
#include "tests/support/TsaResponder.h"

namespace {

// The bench signer's certificate, written out as the verifier's trust anchor.
struct Credentials {
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  std::string anchorFile;
};

const Credentials& credentials() {
  static const Credentials made = [] {
    Credentials c{gongwen::testing::selfSignedKey().key, gongwen::testing::selfSignedKey().certificate, {}};
    c.anchorFile = (std::filesystem::temp_directory_path() / "gongwen-verify-bench-anchor.pem").string();
    BIO* out = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(out, c.certificate);
    char* data = nullptr;
    const long n = BIO_get_mem_data(out, &data);
    gongwen::writeFileAtomically(c.anchorFile, std::string(data, static_cast<size_t>(n)));
    BIO_free(out);
    return c;
  }();
  return made;
}

// A self-signed timestamp authority (critical extended key usage timeStamping), a trust anchor of its
// own, serving on 127.0.0.1 for the document's making.
struct Authority {
  std::string certificateFile, keyFile;
};

const Authority& authority() {
  static const Authority made = [] {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 2);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 86400);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("bench TSA"),
                               -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509_set_pubkey(certificate, key);
    X509_EXTENSION* usage = X509V3_EXT_conf_nid(nullptr, nullptr, NID_ext_key_usage, "critical,timeStamping");
    X509_add_ext(certificate, usage, -1);
    X509_EXTENSION_free(usage);
    X509_sign(certificate, key, EVP_sha256());
    const auto dir = std::filesystem::temp_directory_path();
    Authority a{(dir / "gongwen-verify-bench-tsa.pem").string(),
                (dir / "gongwen-verify-bench-tsa.key").string()};
    BIO* out = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(out, certificate);
    char* data = nullptr;
    long n = BIO_get_mem_data(out, &data);
    gongwen::writeFileAtomically(a.certificateFile, std::string(data, static_cast<size_t>(n)));
    BIO_free(out);
    out = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr);
    n = BIO_get_mem_data(out, &data);
    gongwen::writeFileAtomically(a.keyFile, std::string(data, static_cast<size_t>(n)));
    BIO_free(out);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return a;
  }();
  return made;
}

std::string signedDocument(int signatures, const gongwen::cms::TimestampFetcher& timestamp = {}) {
  std::string pdf = gongwen::testing::documentOfSize(100 * 1024);
  const gongwen::cms::SignerMaterial signer{credentials().key, credentials().certificate, nullptr};
  const char* steps[] = {"office-proofread", "deputy-review", "director-signoff", "legal-review"};
  for (int i = 0; i < signatures; ++i) {
    gongwen::sign::SignatureRequest request;
    request.stepId = steps[i % 4];
    request.personId = "juzhang";
    request.signerName = "王建国";
    request.reason = steps[i % 4];
    request.signingTime = std::time(nullptr);
    const gongwen::sign::SignableDocument document(pdf, "bench.pdf");
    pdf = gongwen::sign::signDocument(document, request, signer, timestamp);
  }
  return pdf;
}

void verifyIterations(benchmark::State& state, int signatures) {
  const std::string pdf = signedDocument(signatures);
  gongwen::verify::VerifyOptions options;
  options.trustAnchorFiles = {credentials().anchorFile};
  for (auto _ : state) {
    const gongwen::verify::Report report = gongwen::verify::verifyPdf(pdf, "bench.pdf", options);
    if (!report.ok()) state.SkipWithError("the benchmark document does not verify");
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * signatures);  // items/s = signatures verified per second
  state.counters["pdf_bytes"] = static_cast<double>(pdf.size());
}

void BM_VerifyOneSignature100kB(benchmark::State& state) { verifyIterations(state, 1); }
BENCHMARK(BM_VerifyOneSignature100kB)->Unit(benchmark::kMillisecond);

void BM_VerifyFourSignatures100kB(benchmark::State& state) { verifyIterations(state, 4); }
BENCHMARK(BM_VerifyFourSignatures100kB)->Unit(benchmark::kMillisecond);

// Four timestamped signatures, the DSS and a document timestamp; verified offline, 20 years ahead.
void BM_VerifyFourSignaturesLta100kB(benchmark::State& state) {
  gongwen::verify::VerifyOptions options;
  options.trustAnchorFiles = {credentials().anchorFile, authority().certificateFile};
  std::string pdf;
  {
    gongwen::testing::TsaResponder tsa(authority().certificateFile, authority().keyFile);
    const std::string url = tsa.url();
    const auto timestamp = [&](std::string_view imprint) {
      return gongwen::cms::fetchTimestampToken(url, imprint);
    };
    pdf = gongwen::ltv::extendForLongTerm(signedDocument(4, timestamp), "bench.pdf", {url, options});
  }
  options.at = std::time(nullptr) + 20L * 366 * 24 * 3600;
  options.offline = true;
  for (auto _ : state) {
    const gongwen::verify::Report report = gongwen::verify::verifyPdf(pdf, "bench.pdf", options);
    if (!report.ok() || report.signatures.back().level != "B-LTA")
      state.SkipWithError("the benchmark document does not verify as B-LTA");
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * 4);
  state.counters["pdf_bytes"] = static_cast<double>(pdf.size());
}
BENCHMARK(BM_VerifyFourSignaturesLta100kB)->Unit(benchmark::kMillisecond);

void BM_ParseRevisionsOnly(benchmark::State& state) {
  const std::string pdf = signedDocument(4);
  for (auto _ : state) {
    const gongwen::verify::pdf::Document document(pdf, "bench.pdf");
    benchmark::DoNotOptimize(document.revisions().size());
  }
}
BENCHMARK(BM_ParseRevisionsOnly)->Unit(benchmark::kMillisecond);

// The floor: SHA-256 of 100 kB and one RSA-2048 signature verification.
void BM_FloorSha256AndRsaVerify(benchmark::State& state) {
  const std::string data(100 * 1024, 'x');
  unsigned char digest[32];
  unsigned char signature[256];
  size_t signatureLength = sizeof signature;
  EVP_PKEY_CTX* signing = EVP_PKEY_CTX_new(credentials().key, nullptr);
  EVP_PKEY_sign_init(signing);
  EVP_PKEY_CTX_set_signature_md(signing, EVP_sha256());
  EVP_Digest(data.data(), data.size(), digest, nullptr, EVP_sha256(), nullptr);
  EVP_PKEY_sign(signing, signature, &signatureLength, digest, sizeof digest);
  EVP_PKEY_CTX_free(signing);
  for (auto _ : state) {
    EVP_Digest(data.data(), data.size(), digest, nullptr, EVP_sha256(), nullptr);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(credentials().key, nullptr);
    EVP_PKEY_verify_init(ctx);
    EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
    benchmark::DoNotOptimize(EVP_PKEY_verify(ctx, signature, signatureLength, digest, sizeof digest));
    EVP_PKEY_CTX_free(ctx);
  }
}
BENCHMARK(BM_FloorSha256AndRsaVerify)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
