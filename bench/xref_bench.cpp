// The structure of a 1,000-page PDF read by the verifier's reader: every xref section and every
// object of every revision, as `gongwen verify` and `gongwen sign` read each input. The same document
// in two forms: a classic xref table, and rewritten by qpdf with object streams and a cross-reference
// stream (what most other tools write). Target: <= 20 ms for the xref-stream form.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "signing/verify/PdfRevisions.h"
#include "tests/support/PdfAssembler.h"

namespace {

constexpr int kPages = 1000;

// Catalog, page tree, one font, and per page a page dictionary and a content stream of 20 lines.
std::string classicDocument() {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (int i = 0; i < kPages; ++i) {
    const int page = 4 + 2 * i;
    kids += std::to_string(page) + " 0 R ";
    std::string content;
    for (int line = 0; line < 20; ++line)
      content += "BT /F1 12 Tf 72 " + std::to_string(700 - 30 * line) + " Td (Page " + std::to_string(i + 1) +
                 ") Tj ET\n";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " +
                      std::to_string(page + 1) + " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(kPages) + " >>";
  return gongwen::testing::assemblePdf(objects, "/Root 1 0 R");
}

// The same document rewritten by qpdf with object streams, its content streams compressed.
std::string objectStreamDocument() {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string in = (dir / "gongwen-xref-bench-in.pdf").string();
  const std::string out = (dir / "gongwen-xref-bench-out.pdf").string();
  gongwen::writeFileAtomically(in, classicDocument());
  const std::string command =
      "qpdf --object-streams=generate --compress-streams=y '" + in + "' '" + out + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("qpdf failed: " + command);
  std::string bytes = gongwen::readFile(out);
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  return bytes;
}

void parse(benchmark::State& state, const std::string& pdf) {
  size_t objects = 0;
  for (auto _ : state) {
    const gongwen::verify::pdf::Document document(pdf, "bench.pdf");
    objects = document.revisions().back().entries.size();
    benchmark::DoNotOptimize(objects);
  }
  state.counters["objects"] = static_cast<double>(objects);
  state.counters["bytes"] = static_cast<double>(pdf.size());
}

void BM_StructureOf1000PagesXrefStream(benchmark::State& state) {
  static const std::string pdf = objectStreamDocument();
  parse(state, pdf);
}
BENCHMARK(BM_StructureOf1000PagesXrefStream)->Unit(benchmark::kMillisecond);

void BM_StructureOf1000PagesClassic(benchmark::State& state) {
  static const std::string pdf = classicDocument();
  parse(state, pdf);
}
BENCHMARK(BM_StructureOf1000PagesClassic)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
