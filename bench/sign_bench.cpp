// One PAdES signature on a ~100 kB PDF, in-process, RSA-2048 (key and certificate made once, in
// memory): parse the PDF, build the incremental revision, hash the ByteRange, sign the CMS.
// Target: <= 1.5 ms per signature on one core. The parts are measured separately to show where
// the time goes.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "signing/cms/CadesSigner.h"
#include "signing/sign/PdfSigner.h"
#include "tests/support/PdfAssembler.h"
#include "tests/support/SelfSignedKey.h"

namespace {

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
  const gongwen::cms::SignerMaterial signer{gongwen::testing::selfSignedKey().key,
                                            gongwen::testing::selfSignedKey().certificate, nullptr};
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
    benchmark::DoNotOptimize(&document.pdf());
  }
}
BENCHMARK(BM_ParseOnly100kB)->Unit(benchmark::kMillisecond);

void BM_CmsOnlyRsa2048(benchmark::State& state) {
  const gongwen::cms::SignerMaterial signer{gongwen::testing::selfSignedKey().key,
                                            gongwen::testing::selfSignedKey().certificate, nullptr};
  const std::string digest(32, '\x5a');
  for (auto _ : state) benchmark::DoNotOptimize(gongwen::cms::buildCadesSignature(signer, digest));
}
BENCHMARK(BM_CmsOnlyRsa2048)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
