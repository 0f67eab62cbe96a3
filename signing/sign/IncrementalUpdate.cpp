#include "signing/sign/IncrementalUpdate.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "pipeline/core/Error.h"

namespace gongwen::sign {

void IncrementalUpdate::put(unsigned number, unsigned generation, std::string body) {
  objects_[number] = Entry{generation, std::move(body)};
  if (number >= nextNumber_) nextNumber_ = number + 1;
}

std::string IncrementalUpdate::appendTo(const std::string& original, const std::string& trailerEntries,
                                        long long previousXref) {
  std::string out;
  std::size_t size = original.size() + 256;
  for (const auto& [number, entry] : objects_) size += entry.body.size() + 64;
  out.reserve(size);
  out = original;
  if (!out.empty() && out.back() != '\n' && out.back() != '\r') out += '\n';

  char line[64];
  for (const auto& [number, entry] : objects_) {
    offsets_[number] = out.size();
    std::snprintf(line, sizeof line, "%u %u obj\n", number, entry.generation);
    out += line;
    out += entry.body;
    out += "\nendobj\n";
  }

  const std::size_t xrefOffset = out.size();
  if (endsWithXrefStream(original, previousXref)) {
    appendXrefStream(out, trailerEntries, previousXref);
  } else {
    appendXrefTable(out, trailerEntries, previousXref);
  }
  std::snprintf(line, sizeof line, "startxref\n%zu\n%%%%EOF\n", xrefOffset);
  out += line;
  return out;
}

// A file whose last xref is a cross-reference stream is continued with one, as Poppler does: only a
// reader of xref streams can read such a file at all, and every section stays in the form it expects.
// A classic or hybrid file (§7.5.8.4) is continued with a table, which every reader follows.
bool IncrementalUpdate::endsWithXrefStream(const std::string& pdf, long long xref) {
  std::size_t at = static_cast<std::size_t>(xref);
  while (at < pdf.size() && std::isspace(static_cast<unsigned char>(pdf[at]))) ++at;
  return pdf.compare(at, 4, "xref") != 0;
}

void IncrementalUpdate::appendXrefTable(std::string& out, const std::string& trailerEntries,
                                        long long previousXref) const {
  char line[64];
  out += "xref\n";
  // One subsection per run of consecutive object numbers.
  for (auto run = objects_.begin(); run != objects_.end();) {
    auto end = run;
    unsigned expected = run->first;
    while (end != objects_.end() && end->first == expected) ++end, ++expected;
    std::snprintf(line, sizeof line, "%u %u\n", run->first, expected - run->first);
    out += line;
    for (; run != end; ++run) {
      std::snprintf(line, sizeof line, "%010zu %05u n\r\n", offsets_.at(run->first), run->second.generation);
      out += line;
    }
  }
  std::snprintf(line, sizeof line, "trailer\n<< /Size %u /Prev %lld ", nextNumber_, previousXref);
  out += line;
  out += trailerEntries + " >>\n";
}

void IncrementalUpdate::appendXrefStream(std::string& out, const std::string& trailerEntries,
                                         long long previousXref) {
  const unsigned self = nextNumber_++;
  offsets_[self] = out.size();
  std::map<unsigned, std::pair<std::size_t, unsigned>> rows;  // offset and generation by number
  for (const auto& [number, entry] : objects_) rows[number] = {offsets_.at(number), entry.generation};
  rows[self] = {out.size(), 0};
  // Rows of type (1 byte), offset (4 bytes, or 8 past 4 GiB) and generation (2 bytes), unfiltered.
  const int offsetBytes = out.size() >> 32 ? 8 : 4;
  std::string index, data;
  for (auto run = rows.begin(); run != rows.end();) {
    auto end = run;
    unsigned expected = run->first;
    while (end != rows.end() && end->first == expected) ++end, ++expected;
    index += std::to_string(run->first) + " " + std::to_string(expected - run->first) + " ";
    for (; run != end; ++run) {
      data += '\1';
      for (int i = offsetBytes - 1; i >= 0; --i)
        data += static_cast<char>(run->second.first >> (8 * i) & 0xFF);
      data += static_cast<char>(run->second.second >> 8 & 0xFF);
      data += static_cast<char>(run->second.second & 0xFF);
    }
  }
  char line[128];
  std::snprintf(line, sizeof line, "%u 0 obj\n<< /Type /XRef /Size %u /Prev %lld /W [1 %d 2] /Index [", self,
                nextNumber_, previousXref, offsetBytes);
  out += line;
  out += index + "] /Length " + std::to_string(data.size()) + " " + trailerEntries + " >>\nstream\n";
  out += data + "\nendstream\nendobj\n";
}

long long lastStartXref(const std::string& pdf, const std::string& name) {
  const std::size_t at = pdf.rfind("startxref");
  if (at == std::string::npos || pdf.size() - at > 2048)
    throw inputError("sign.pdf", name + ": no startxref at the end of the file; the PDF is truncated");
  return std::strtoll(pdf.c_str() + at + 9, nullptr, 10);
}

}  // namespace gongwen::sign
