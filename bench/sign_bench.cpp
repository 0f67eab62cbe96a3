// One PAdES signature on a ~100 kB PDF, in-process, RSA-2048 (key and certificate made once, in
// memory): parse the PDF, build the incremental revision, hash the ByteRange, sign the CMS.
// Target: <= 1.5 ms per signature on one core. The parts are measured separately to show where
// the time goes.

#include <benchmark/benchmark.h>

#include <cstdio>
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

// The 100 kB document with an empty seal field on its page, sealed with the sample 行政公章 image:
// the seal's appearance (reading the image, its XObjects) on top of an approval's work.
void BM_SignSeal100kB(benchmark::State& state) {
  std::string pdf = gongwen::testing::documentOfSize(100 * 1024);
  const std::string field =
      "7 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (seal) /GongwenSeal (administrative-seal) "
      "/Rect [360 90 480 210] /P 3 0 R /F 4 >>\nendobj\n";
  // An incremental revision adding the field, the page's /Annots and the AcroForm.
  const std::size_t previous = std::stoul(pdf.substr(pdf.rfind("startxref\n") + 10));
  std::string update = field +
                       "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
                       "/Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R] >>\nendobj\n"
                       "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R] >> >>\nendobj\n";
  const std::size_t at7 = pdf.size(), at3 = at7 + field.size(), at1 = at7 + update.find("1 0 obj");
  pdf += update;
  const std::size_t xref = pdf.size();
  char table[256];
  std::snprintf(table, sizeof table,
                "xref\n1 1\n%010zu 00000 n \n3 1\n%010zu 00000 n \n7 1\n%010zu 00000 n \ntrailer\n<< /Size 8 "
                "/Root 1 0 R /Info 6 0 R /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
                at1, at3, at7, previous, xref);
  pdf += table;
  const gongwen::cms::SignerMaterial signer{gongwen::testing::selfSignedKey().key,
                                            gongwen::testing::selfSignedKey().certificate, nullptr};
  gongwen::sign::SignatureRequest request = approval();
  request.stepId = "administrative-seal";
  request.personId = "bangong";
  request.sealId = "administrative-seal";
  request.sealImagePath = GONGWEN_SOURCE_DIR "/samples/seals/administrative-seal.png";
  for (auto _ : state) {
    const gongwen::sign::SignableDocument document(pdf, "bench.pdf");
    benchmark::DoNotOptimize(gongwen::sign::signDocument(document, request, signer));
  }
}
BENCHMARK(BM_SignSeal100kB)->Unit(benchmark::kMillisecond);

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
