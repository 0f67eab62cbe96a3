#include "pipeline/check/Fixer.h"

#include <algorithm>
#include <filesystem>

#include "pipeline/check/Checker.h"
#include "pipeline/check/DocumentCheck.h"
#include "pipeline/check/TextLines.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/Utf.h"
#include "pipeline/job/JobLoader.h"

namespace gongwen::check {

namespace {

// A fix can make another one possible (“,,” → “，，” → “，”); a few rounds reach the fixed point.
constexpr int kMaxRounds = 5;

std::string applyToLines(std::string_view text, const std::string& file, std::vector<Finding> fixes) {
  std::sort(fixes.begin(), fixes.end(), [](const Finding& a, const Finding& b) {
    return a.line != b.line ? a.line < b.line : a.column > b.column;
  });
  std::string out;
  out.reserve(text.size());
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) out += kUtf8Bom;
  size_t next = 0;
  forEachLine(text, [&](int number, std::string_view line) {
    // forEachLine hands out views into `text`: what follows the line is its ending.
    const size_t lineEnd = static_cast<size_t>(line.data() - text.data()) + line.size();
    size_t endingLength = 0;
    while (lineEnd + endingLength < text.size() && endingLength < 2 &&
           (text[lineEnd + endingLength] == '\r' || text[lineEnd + endingLength] == '\n')) {
      const bool newline = text[lineEnd + endingLength] == '\n';
      ++endingLength;
      if (newline) break;
    }
    if (next < fixes.size() && fixes[next].line == number) {
      std::u32string chars = toUtf32(line, file);
      size_t limit = chars.size();
      for (; next < fixes.size() && fixes[next].line == number; ++next) {
        const auto& f = fixes[next];
        const auto at = static_cast<size_t>(f.column - 1);
        const auto n = static_cast<size_t>(f.length);
        if (at + n > limit) continue;  // overlaps a fix already applied to the right
        chars.replace(at, n, toUtf32(*f.fix, file));
        limit = at;
      }
      out += toUtf8(chars);
    } else {
      while (next < fixes.size() && fixes[next].line < number) ++next;
      out += line;
    }
    out += text.substr(lineEnd, endingLength);
  });
  return out;
}

std::vector<Finding> certain(std::vector<Finding> findings) {
  findings.erase(std::remove_if(findings.begin(), findings.end(), [](const Finding& f) { return !f.fix; }),
                 findings.end());
  return findings;
}

std::string xmlEscaped(std::string_view s, bool attribute) {
  std::string out;
  for (const char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (attribute && c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string fixText(std::string_view utf8, const std::string& file) {
  std::string text(utf8);
  for (int round = 0; round < kMaxRounds; ++round) {
    const auto fixes = certain(checkText(text, file));
    if (fixes.empty()) break;
    text = applyToLines(text, file, fixes);
  }
  return text;
}

std::string fixJob(const std::string& path) {
  // Later rounds load the partly fixed bytes from a scratch copy next to the original, so that
  // only the caller's final atomic write replaces the original.
  const std::string scratch = path + ".gongwen-fix.tmp";
  // Each round rewrites the copy the last one read; it is owner-only, as the job may be classified.
  WriteOptions scratchWrite;
  scratchWrite.replacesInput = true;
  scratchWrite.ownerOnly = true;
  std::string bytes = readInput(path, InputKind::Job);
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::string& current = round == 0 ? path : scratch;
    if (round > 0) writeFileAtomically(scratch, bytes, scratchWrite);
    std::vector<LocatedFinding> located;
    try {
      const model::Document doc = job::loadJob(current);
      const JobSource source(current);
      located = checkDocumentLocated(doc, source);
    } catch (...) {
      std::filesystem::remove(scratch);
      throw;
    }
    located.erase(std::remove_if(located.begin(), located.end(),
                                 [](const LocatedFinding& l) { return !l.finding.fix || !l.bytes; }),
                  located.end());
    if (located.empty()) break;
    std::sort(located.begin(), located.end(), [](const LocatedFinding& a, const LocatedFinding& b) {
      return a.bytes->first > b.bytes->first;
    });
    size_t limit = bytes.size();
    for (const auto& l : located) {
      const auto [begin, end] = *l.bytes;
      if (end > limit) continue;
      bytes.replace(begin, end - begin, xmlEscaped(*l.finding.fix, l.inAttribute));
      limit = begin;
    }
  }
  std::filesystem::remove(scratch);
  return bytes;
}

}  // namespace gongwen::check
