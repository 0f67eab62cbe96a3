// The annotated corpus (corpus.txt): every marked finding must be reported at its exact column,
// and nothing else may be reported.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "pipeline/check/Checker.h"
#include "pipeline/core/Utf.h"
#include "tests/support/TestSupport.h"

using namespace gongwen;

namespace {

struct Case {
  int line = 0;
  std::string text;
  std::multiset<std::string> expected;  // "rule@column"
};

// Strips the ⟪rule⟫ marks, remembering the column (in characters) each one points at.
Case parseCase(int line, const std::string& annotated) {
  Case c;
  c.line = line;
  const std::u32string chars = toUtf32(annotated, "corpus.txt");
  std::u32string text;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] != U'⟪') {
      text.push_back(chars[i]);
      continue;
    }
    const size_t close = chars.find(U'⟫', i);
    c.expected.insert(toUtf8(chars.substr(i + 1, close - i - 1)) + "@" + std::to_string(text.size() + 1));
    i = close;
  }
  c.text = toUtf8(text);
  return c;
}

std::vector<Case> loadCorpus() {
  std::ifstream in(gongwen::testing::sourcePath("tests/check/corpus.txt"));
  std::vector<Case> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    cases.push_back(parseCase(number, line));
  }
  return cases;
}

}  // namespace

TEST(CheckCorpus, EveryCaseGivesExactlyItsAnnotatedFindings) {
  const auto cases = loadCorpus();
  EXPECT_GE(cases.size(), 200u) << "the acceptance asks for at least 200 annotated cases";
  for (const auto& c : cases) {
    std::multiset<std::string> actual;
    for (const auto& f : check::checkText(c.text, "case"))
      actual.insert(f.rule + "@" + std::to_string(f.column));
    EXPECT_EQ(actual, c.expected) << "corpus.txt:" << c.line << ": " << c.text;
  }
}

TEST(CheckCorpus, CoversEveryTextRuleWithFlaggedAndCleanCases) {
  std::set<std::string> flagged;
  size_t clean = 0;
  for (const auto& c : loadCorpus()) {
    for (const auto& e : c.expected) flagged.insert(e.substr(0, e.find('@')));
    clean += c.expected.empty() ? 1 : 0;
  }
  for (const char* rule : {"punct.halfwidth",
                           "punct.ellipsis",
                           "punct.dash",
                           "punct.doubled",
                           "punct.unbalanced",
                           "punct.nesting",
                           "punct.space",
                           "number.fullwidth",
                           "number.range",
                           "number.range-mark",
                           "number.approximate",
                           "number.zero",
                           "date.leading-zero",
                           "date.invalid",
                           "date.chinese-numerals",
                           "docnum.brackets",
                           "docnum.year",
                           "docnum.di",
                           "docnum.leading-zero",
                           "docnum.code-typo",
                           "ordinal.form",
                           "structure.heading-period",
                           "structure.repeated-word",
                           "structure.copies-to-period",
                           "structure.attachment-punct",
                           "policy.classification-mark",
                           "policy.classification-period"}) {
    EXPECT_TRUE(flagged.count(rule)) << rule << " has no flagged case in corpus.txt";
  }
  EXPECT_GE(clean, 70u) << "look-alikes that must not be flagged";
}
