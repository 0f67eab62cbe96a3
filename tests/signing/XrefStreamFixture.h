#pragma once
// Files with cross-reference and object streams: rewritten by qpdf (which shares no code with ours),
// and written byte by byte where a test needs a shape no tool makes on request — a revision moving
// objects into a new object stream or rewriting one alone, a reference cycle through object streams.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::xreffx {

// `pdf` rewritten by `qpdf OPTIONS IN OUT` (--object-streams=generate, --linearize, --qdf, …).
inline std::string qpdf(const std::string& pdf, const std::vector<std::string>& options) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  std::vector<std::string> argv = {"qpdf"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), {work.file("in.pdf"), work.file("out.pdf")});
  const CommandResult r = run(argv);
  EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 3) << r.err;  // 3: qpdf warned
  return readFile(work.file("out.pdf"));
}

// An object stream holding `objects` (number → body; no streams), its data unfiltered.
inline std::string objectStreamBody(const std::map<unsigned, std::string>& objects) {
  std::string header, data;
  for (const auto& [number, body] : objects) {
    header += std::to_string(number) + " " + std::to_string(data.size()) + " ";
    data += body + "\n";
  }
  return "<< /Type /ObjStm /N " + std::to_string(objects.size()) + " /First " +
         std::to_string(header.size()) + " /Length " + std::to_string(header.size() + data.size()) +
         " >>\nstream\n" + header + data + "\nendstream";
}

// A row of a cross-reference stream: type 1 (second = offset) or 2 (second = object stream,
// third = index).
struct XrefRow {
  int type = 1;
  size_t second = 0;
  unsigned third = 0;
};

// Appends to `out` a cross-reference stream listing `rows` and itself (number `self`), unfiltered,
// with `entries` in its dictionary, then startxref and %%EOF.
inline void appendXrefStream(std::string& out, std::map<unsigned, XrefRow> rows, unsigned self,
                             const std::string& entries) {
  rows[self] = {1, out.size(), 0};
  std::string index, data;
  for (auto run = rows.begin(); run != rows.end();) {
    auto end = run;
    unsigned expected = run->first;
    while (end != rows.end() && end->first == expected) ++end, ++expected;
    index += std::to_string(run->first) + " " + std::to_string(expected - run->first) + " ";
    for (; run != end; ++run) {
      data += static_cast<char>(run->second.type);
      for (int i = 3; i >= 0; --i) data += static_cast<char>(run->second.second >> (8 * i) & 0xFF);
      data += static_cast<char>(run->second.third >> 8 & 0xFF);
      data += static_cast<char>(run->second.third & 0xFF);
    }
  }
  const size_t at = out.size();
  out += std::to_string(self) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(self + 1) +
         " /W [1 4 2] /Index [" + index + "] /Length " + std::to_string(data.size()) + " " + entries +
         " >>\nstream\n" + data + "\nendstream\nendobj\nstartxref\n" + std::to_string(at) + "\n%%EOF\n";
}

// Writes `compressed` (number → body) into an object stream numbered `stream` at the end of `out`
// and lists them in `rows` (unless `list` is false: the stream alone is rewritten).
inline void appendObjectStream(std::string& out, std::map<unsigned, XrefRow>& rows, unsigned stream,
                               const std::map<unsigned, std::string>& compressed, bool list = true) {
  rows[stream] = {1, out.size(), 0};
  out += std::to_string(stream) + " 0 obj\n" + objectStreamBody(compressed) + "\nendobj\n";
  unsigned index = 0;
  for (const auto& item : compressed) {
    if (list) rows[item.first] = {2, stream, index};
    ++index;
  }
}

// A whole PDF whose only xref is a cross-reference stream: object i+1 is objects[i], written in the
// file unless its number is in `compressed`, which go into one object stream.
inline std::string assembleXrefStreamPdf(const std::vector<std::string>& objects,
                                         const std::set<unsigned>& compressed,
                                         const std::string& trailerEntries) {
  std::string out = "%PDF-1.7\n";
  std::map<unsigned, XrefRow> rows;
  std::map<unsigned, std::string> packed;
  for (unsigned number = 1; number <= objects.size(); ++number) {
    if (compressed.count(number)) {
      packed[number] = objects[number - 1];
      continue;
    }
    rows[number] = {1, out.size(), 0};
    out += std::to_string(number) + " 0 obj\n" + objects[number - 1] + "\nendobj\n";
  }
  const unsigned stream = static_cast<unsigned>(objects.size()) + 1;
  if (!packed.empty()) appendObjectStream(out, rows, stream, packed);
  appendXrefStream(out, rows, stream + 1, trailerEntries);
  return out;
}

// Appends an incremental update whose xref is a cross-reference stream, as other tools write them:
// `direct` objects written in the file, `compressed` ones in the object stream `stream` (0: a new
// one), listed in the xref unless `listCompressed` is false.
inline std::string appendXrefStreamRevision(const std::string& pdf,
                                            const std::map<unsigned, std::string>& direct,
                                            const std::map<unsigned, std::string>& compressed = {},
                                            unsigned stream = 0, bool listCompressed = true) {
  const verify::pdf::Document document(pdf, "test.pdf");
  const auto& trailer = document.revisions().back().trailer;
  unsigned size = static_cast<unsigned>(trailer.get("Size")->number);
  for (const auto& item : direct) size = std::max(size, item.first + 1);
  for (const auto& item : compressed) size = std::max(size, item.first + 1);
  std::string out = pdf;
  std::map<unsigned, XrefRow> rows;
  for (const auto& [number, body] : direct) {
    rows[number] = {1, out.size(), 0};
    out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
  }
  if (!compressed.empty())
    appendObjectStream(out, rows, stream ? stream : size++, compressed, listCompressed);
  std::string entries = "/Prev " + std::to_string(sign::lastStartXref(pdf, "test.pdf")) + " /Root " +
                        std::to_string(trailer.get("Root")->ref.number) + " 0 R";
  if (const auto* info = trailer.get("Info"))
    entries += " /Info " + std::to_string(info->ref.number) + " 0 R";
  appendXrefStream(out, rows, size, entries);
  return out;
}

// The text of object `number` as the newest revision defines it, as qpdf prints it (wherever it
// lies, object stream or not; exit 3: qpdf warned, e.g. of pdfsig's /Size past its last object).
inline std::string objectText(const std::string& pdf, unsigned number) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult r = run({"qpdf", "--show-object=" + std::to_string(number), work.file("in.pdf")});
  EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 3) << r.err;
  return r.out;
}

// The proposal chain signed through its three steps by `gongwen sign`, on the unsigned document
// qpdf first rewrote with `options`.
inline std::string sealedAfterQpdf(const std::vector<std::string>& options) {
  std::string pdf = qpdf(verifyfx::unsignedPdf("proposal-ordinary"), options);
  pdf = verifyfx::signWithCli(pdf, "guzhang", "section-review");
  pdf = verifyfx::signWithCli(pdf, "fenguan-liu", "deputy-signoff");
  return verifyfx::signWithCli(pdf, "bangong", "administrative-seal");
}

// The same with object streams and a cross-reference stream, made once per test program.
inline const std::string& sealedWithObjectStreams() {
  static const std::string pdf = sealedAfterQpdf({"--object-streams=generate"});
  return pdf;
}

}  // namespace gongwen::testing::xreffx
