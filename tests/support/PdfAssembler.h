#pragma once
// Small, exact PDF inputs for tests and benchmarks, written byte by byte so that they depend on no
// PDF library: object i+1 is objects[i], then a classic xref table and the trailer.

#include <cstdio>
#include <string>
#include <vector>

namespace gongwen::testing {

// `trailerEntries` goes inside the trailer dictionary after /Size, e.g. "/Root 1 0 R /Info 6 0 R".
inline std::string assemblePdf(const std::vector<std::string>& objects, const std::string& trailerEntries,
                               const std::string& header = "%PDF-1.7\n") {
  std::string pdf = header;
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
  return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " " + trailerEntries +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

// A one-page document of about `bytes` bytes carrying the bureau chain id: the benchmarks' input.
inline std::string documentOfSize(std::size_t bytes) {
  std::string content;
  for (int i = 0; content.size() < bytes; ++i) {
    content +=
        "BT /F1 10 Tf 72 " + std::to_string(100 + i % 600) + " Td (line " + std::to_string(i) + ") Tj ET\n";
  }
  return assemblePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
                      "/Resources << /Font << /F1 5 0 R >> >> >>",
                      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                      "<< /GongwenChain (bureau-document) >>"},
                     "/Root 1 0 R /Info 6 0 R");
}

}  // namespace gongwen::testing
