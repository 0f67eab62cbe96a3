#include "signing/sign/IncrementalUpdate.h"

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
  out += "xref\n";
  // One subsection per run of consecutive object numbers.
  for (auto run = objects_.begin(); run != objects_.end();) {
    auto end = run;
    unsigned expected = run->first;
    while (end != objects_.end() && end->first == expected) ++end, ++expected;
    std::snprintf(line, sizeof line, "%u %u\n", run->first, expected - run->first);
    out += line;
    for (; run != end; ++run) {
      std::snprintf(line, sizeof line, "%010zu %05u n\r\n", offsets_[run->first], run->second.generation);
      out += line;
    }
  }
  std::snprintf(line, sizeof line, "trailer\n<< /Size %u /Prev %lld ", nextNumber_, previousXref);
  out += line;
  out += trailerEntries;
  std::snprintf(line, sizeof line, " >>\nstartxref\n%zu\n%%%%EOF\n", xrefOffset);
  out += line;
  return out;
}

long long lastStartXref(const std::string& pdf, const std::string& name) {
  const std::size_t at = pdf.rfind("startxref");
  if (at == std::string::npos || pdf.size() - at > 2048)
    throw inputError("sign.pdf", name + ": no startxref at the end of the file; the PDF is truncated");
  return std::strtoll(pdf.c_str() + at + 9, nullptr, 10);
}

}  // namespace gongwen::sign
