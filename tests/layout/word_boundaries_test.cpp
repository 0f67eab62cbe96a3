// wordBoundaries() segments Han itself over ICU's dictionary instead of letting ICU build its CJK
// break engine: its answers must be ICU's own, boundary for boundary, on every text the project
// has (samples, templates, dictionaries, the tests' strings) and on twenty thousand mixed strings of
// Han, digits, Latin, punctuation, 《》 and the characters that make it defer to ICU.

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/HanWords.h"
#include "tests/support/TestSupport.h"

namespace gongwen::layout {
namespace {

namespace fs = std::filesystem;

// ICU's word iterator itself, in code point positions.
std::vector<uint8_t> icuWordBoundaries(std::u32string_view text) {
  static thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    EXPECT_TRUE(U_SUCCESS(status));
    return made;
  }();
  std::vector<uint8_t> out(text.size() + 1, 0);
  if (text.empty()) return out;
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  it->setText(utf16);
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    out[static_cast<size_t>(utf16.countChar32(0, b))] = 1;
  }
  return out;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void addLines(const std::string& content, std::set<std::u32string>& texts) {
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) texts.insert(toUtf32(line, "corpus"));
  }
}

// Every line of the samples, templates, dictionaries and README, their element texts, and every
// string literal in the tests (the title lists among them) and the pipeline's code.
std::set<std::u32string> projectTexts() {
  std::set<std::u32string> texts;
  const std::regex element(">([^<]+)<");
  for (const char* folder : {"samples/jobs", "templates", "dictionaries", "tests/layout"}) {
    for (const auto& entry : fs::directory_iterator(gongwen::testing::sourcePath(folder))) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".xml" && ext != ".txt") continue;
      const std::string content = readFile(entry.path());
      addLines(content, texts);
      for (std::sregex_iterator m(content.begin(), content.end(), element), end; m != end; ++m) {
        texts.insert(toUtf32((*m)[1].str(), "corpus"));
      }
    }
  }
  const std::regex literal("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  for (const char* folder : {"tests", "pipeline"}) {
    for (const auto& entry : fs::recursive_directory_iterator(gongwen::testing::sourcePath(folder))) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".h") continue;
      const std::string content = readFile(entry.path());
      for (std::sregex_iterator m(content.begin(), content.end(), literal), end; m != end; ++m) {
        const std::string s = (*m)[1].str();
        if (s.find('\\') == std::string::npos) texts.insert(toUtf32(s, "corpus"));
      }
    }
  }
  addLines(readFile(gongwen::testing::sourcePath("README.md")), texts);
  return texts;
}

std::string positions(const std::vector<uint8_t>& flags) {
  std::string out;
  for (size_t i = 0; i < flags.size(); ++i) {
    if (flags[i]) out += std::to_string(i) + " ";
  }
  return out;
}

void expectIcuBoundaries(const std::set<std::u32string>& texts, int& failures) {
  for (const std::u32string& text : texts) {
    const std::vector<uint8_t> ours = wordBoundaries(text);
    const std::vector<uint8_t> icus = icuWordBoundaries(text);
    if (ours != icus && ++failures <= 20) {
      ADD_FAILURE() << toUtf8(text) << "\n  ours: " << positions(ours) << "\n  ICU:  " << positions(icus);
    }
  }
}

size_t hanCharacters(const std::set<std::u32string>& texts) {
  size_t han = 0;
  for (const std::u32string& text : texts) {
    for (const char32_t c : text) han += isHanScript(c) ? 1 : 0;
  }
  return han;
}

TEST(WordBoundaries, AreIcusOnEveryProjectText) {
  std::set<std::u32string> texts = projectTexts();
  ASSERT_GT(texts.size(), 3000u);
  ASSERT_GT(hanCharacters(texts), 25000u);
  // A five-character dictionary word, kana next to Han (one dictionary run for ICU), marks and
  // compatibility ideographs after Han.
  texts.insert({U"斯德哥尔摩", U"东京都に住んでいます", U"お茶を飲む", U"中国\uF9D1月份",
                U"マイクロソフト社の日本語", U"中文\u0301好的", U"\uF900\uF901文字", U"한국어와中文",
                U"ภาษาไทย中文", U"中文\u200D\U0001F600"});
  int failures = 0;
  expectIcuBoundaries(texts, failures);
  EXPECT_EQ(failures, 0);
}

TEST(WordBoundaries, AreIcusOnMixedStrings) {
  // Han taken from the project's texts, cut at random places so that words are cut too.
  std::vector<std::u32string> han;
  for (const std::u32string& text : projectTexts()) {
    std::u32string run;
    for (const char32_t c : text + U' ') {
      if (isHanScript(c)) {
        run += c;
      } else if (!run.empty()) {
        han.push_back(run);
        run.clear();
      }
    }
  }
  ASSERT_GT(han.size(), 1000u);
  han.push_back(U"斯德哥尔摩");
  const std::vector<std::u32string> others = {
      U"2024", U"3.5", U"1,000", U"第3", U"10%", U"GB/T", U"9704", U"PDF", U"ICU's", U"e-mail", U"A4", U"，",
      U"。", U"、", U"；", U"：", U"？", U"！", U"“", U"”", U"‘", U"’", U"（", U"）", U"——", U"……", U"·",
      U"《", U"》", U"〈", U"〉", U"【", U"】", U" ", U"\u3000", U"\n", U"-", U".", U"'", U"_", U"@", U"〇",
      U"々", U"\U00020BB7", U"\U0002A6A5", U"０１", U"ＡＢ", U"〓", U"©", U"😀",
      // These make wordBoundaries defer to ICU: kana, a compatibility ideograph (not NFKC), an
      // extending mark, a zero-width joiner, a soft hyphen, Hangul, Thai.
      U"の", U"カタカナ", U"ー", U"\uF900", U"\u0301", U"\uFE0F", U"\u200D", U"\u00AD", U"한국", U"ไทย"};
  std::mt19937 random(9704);
  std::set<std::u32string> texts;
  while (texts.size() < 20000) {
    std::u32string text;
    const int pieces = std::uniform_int_distribution<int>(1, 12)(random);
    for (int p = 0; p < pieces; ++p) {
      if (std::uniform_int_distribution<int>(0, 9)(random) < 6) {
        const std::u32string& run = han[std::uniform_int_distribution<size_t>(0, han.size() - 1)(random)];
        const size_t from = std::uniform_int_distribution<size_t>(0, run.size() - 1)(random);
        text += run.substr(from, std::uniform_int_distribution<size_t>(1, 10)(random));
      } else {
        // The deferring characters come rarely, so that most strings take the Han path.
        const size_t last =
            std::uniform_int_distribution<int>(0, 19)(random) == 0 ? others.size() - 1 : others.size() - 11;
        text += others[std::uniform_int_distribution<size_t>(0, last)(random)];
      }
    }
    texts.insert(text);
  }
  int failures = 0;
  expectIcuBoundaries(texts, failures);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace gongwen::layout
