#include "pipeline/layout/TitleBreaks.h"

#include <algorithm>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/BreakOpportunities.h"

namespace gongwen::layout {
namespace {

struct Dictionary {
  std::vector<std::u32string> terms;      // compounds kept whole
  std::vector<std::u32string> seamWords;  // a title may break after them
};

std::vector<std::u32string> loadWordList(const std::string& relative) {
  const std::string path = dataPath(relative);
  const std::string content = readInput(path, InputKind::Text);
  std::vector<std::u32string> words;
  size_t lineNumber = 0;
  for (size_t begin = 0; begin < content.size();) {
    size_t end = content.find('\n', begin);
    if (end == std::string::npos) end = content.size();
    ++lineNumber;
    std::string line = content.substr(begin, end - begin);
    begin = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    words.push_back(toUtf32(line, path + ":" + std::to_string(lineNumber)));
  }
  return words;
}

// Read once per process: every title of every document consults the same lists.
const Dictionary& dictionary() {
  static const Dictionary d{loadWordList("dictionaries/title-terms.txt"),
                            loadWordList("dictionaries/title-seam-words.txt")};
  return d;
}

bool isNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
         std::u32string_view(U"〇一二三四五六七八九十百千万亿两").find(c) != std::u32string_view::npos;
}

bool isDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool isUnit(char32_t c) {
  return std::u32string_view(U"年月日届次号个起项名条批件家期元天户座所季度%％").find(c) !=
         std::u32string_view::npos;
}

// Measure words bind a count to what follows it (一起储罐泄漏事件, 第87号提案, 十四届五次会议).
bool isMeasureWord(char32_t c) {
  return std::u32string_view(U"个起项名条批件家届次号").find(c) != std::u32string_view::npos;
}

constexpr std::u32string_view kKinds[] = {U"通知", U"通报", U"批复", U"请示", U"报告", U"函",   U"意见",
                                          U"决定", U"纪要", U"公告", U"通告", U"议案", U"决议", U"命令",
                                          U"公报", U"复函", U"方案", U"办法", U"规定"};

class Classifier {
 public:
  explicit Classifier(std::u32string_view text)
      : text_(text),
        words_(wordBoundaries(text)),
        inside_(text.size() + 1),
        seam_(text.size() + 1, kNone),
        count_(text.size() + 1) {}

  // Positions strictly inside [begin, end) may not break; the widest term is the one named.
  void term(size_t begin, size_t end) {
    for (size_t i = begin + 1; i < end; ++i) {
      if (inside_[i].second - inside_[i].first < end - begin) inside_[i] = {begin, end};
    }
  }

  void seam(size_t at, TitleBreakKind kind) {
    if (at > 0 && at < text_.size()) seam_[at] = std::min(seam_[at], static_cast<uint8_t>(kind));
  }

  void afterCount(size_t at) {
    if (at < text_.size()) count_[at] = true;
  }

  std::vector<TitleBreak> breaks() const {
    const std::vector<uint8_t> line = lineBreakOpportunities(text_);
    std::vector<TitleBreak> out;
    for (size_t i = 1; i < text_.size(); ++i) {
      if (!(line[i] & kBreakPreferred)) continue;
      TitleBreak b{i, TitleBreakKind::Word, 0, 0};
      if (inside_[i].second > 0) {
        if (!words_[i]) continue;
        b.kind = TitleBreakKind::InsideTerm;
        b.termBegin = inside_[i].first;
        b.termEnd = inside_[i].second;
      } else if (seam_[i] != kNone) {
        b.kind = static_cast<TitleBreakKind>(seam_[i]);
      } else if (count_[i]) {
        b.kind = TitleBreakKind::AfterCount;
      } else if (!words_[i]) {
        continue;
      }
      out.push_back(b);
    }
    return out;
  }

  const std::vector<uint8_t>& words() const { return words_; }

 private:
  static constexpr uint8_t kNone = 0xff;
  std::u32string_view text_;
  std::vector<uint8_t> words_;
  std::vector<std::pair<size_t, size_t>> inside_;
  std::vector<uint8_t> seam_;
  std::vector<bool> count_;
};

void markOccurrences(std::u32string_view text, std::u32string_view word, Classifier& c, bool edgesAreSeams) {
  if (word.empty()) return;
  for (size_t at = text.find(word); at != std::u32string_view::npos; at = text.find(word, at + 1)) {
    c.term(at, at + word.size());
    if (edgesAreSeams) {
      c.seam(at, TitleBreakKind::MinorSeam);
      c.seam(at + word.size(), TitleBreakKind::MinorSeam);
    }
  }
}

// A number with its unit (2027年度, 第87号, 十四届) is one term; a count binds to what it counts.
void markNumbers(std::u32string_view text, Classifier& c) {
  for (size_t i = 0; i < text.size();) {
    if (!isNumeral(text[i])) {
      ++i;
      continue;
    }
    size_t begin = i > 0 && text[i - 1] == U'第' ? i - 1 : i;
    bool digits = false;
    while (i < text.size() && (isNumeral(text[i]) || text[i] == U'.')) digits |= isDigit(text[i++]);
    size_t end = i;
    while (end < text.size() && end - i < 2 && isUnit(text[end])) ++end;
    // A lone Chinese numeral without a unit is part of a word (统一, 万一), not a number.
    if (end == i && !digits) continue;
    c.term(begin, end);
    if (end > i && isMeasureWord(text[end - 1])) c.afterCount(end);
    i = end;
  }
}

void markBookTitles(std::u32string_view text, Classifier& c) {
  for (size_t open = text.find(U'《'); open != std::u32string_view::npos; open = text.find(U'《', open + 1)) {
    const size_t close = text.find(U'》', open);
    if (close == std::u32string_view::npos) return;
    c.term(open, close + 1);
  }
}

void markSeams(std::u32string_view text, Classifier& c) {
  const std::vector<uint8_t>& words = c.words();
  for (size_t at = text.find(U"关于"); at != std::u32string_view::npos; at = text.find(U"关于", at + 1)) {
    c.seam(at, TitleBreakKind::Seam);
    c.seam(at + 2, TitleBreakKind::Seam);
    // 关于对…的答复: 对 opens the 事由 as 关于 does.
    if (at + 2 < text.size() && text[at + 2] == U'对') c.seam(at + 3, TitleBreakKind::Seam);
  }
  size_t kindAt = text.size();
  for (std::u32string_view kind : kKinds) {
    if (text.size() > kind.size() && text.substr(text.size() - kind.size()) == kind)
      kindAt = std::min(kindAt, text.size() - kind.size());
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t ch = text[i];
    if (ch == U'的') {
      c.seam(i, TitleBreakKind::MinorSeam);
      // "的 / 通知" would leave the kind alone with nothing of the 事由.
      if (i + 1 != kindAt) c.seam(i + 1, TitleBreakKind::MinorSeam);
    } else if ((ch == U'和' || ch == U'及' || ch == U'与' || ch == U'暨' || ch == U'并') && words[i] &&
               words[i + 1]) {
      c.seam(i, TitleBreakKind::MinorSeam);
      c.seam(i + 1, TitleBreakKind::MinorSeam);
    }
  }
  if (kindAt < text.size() && kindAt > 0 && text[kindAt - 1] != U'的')
    c.seam(kindAt, TitleBreakKind::MinorSeam);
  for (const std::u32string& word : dictionary().seamWords) {
    for (size_t at = text.find(word); at != std::u32string_view::npos; at = text.find(word, at + 1)) {
      if (words[at] && words[at + word.size()]) c.seam(at + word.size(), TitleBreakKind::MinorSeam);
    }
  }
}

}  // namespace

std::vector<std::u32string> namesToKeepWhole(const model::Document& doc) {
  std::vector<std::u32string> names;
  auto add = [&names](const std::string& list, const std::string& where) {
    std::u32string name;
    for (char32_t c : toUtf32(list, where) + U'、') {
      if (std::u32string_view(U"、，,：:。；;").find(c) == std::u32string_view::npos) {
        name += c;
        continue;
      }
      if (name.size() >= 2) names.push_back(name);
      name.clear();
    }
  };
  for (const model::Text& issuer : doc.issuers) add(issuer.value, issuer.where.describe());
  add(doc.mainRecipients.value, doc.mainRecipients.where.describe());
  add(doc.copiesTo.value, doc.copiesTo.where.describe());
  for (const model::Signatory& s : doc.signatories) add(s.name.value, s.name.where.describe());
  for (const std::string& term : doc.protectedTerms) add(term, "the protected terms");
  return names;
}

std::vector<TitleBreak> titleBreaks(std::u32string_view text, const std::vector<std::u32string>& names) {
  Classifier c(text);
  markSeams(text, c);
  for (const std::u32string& name : names) markOccurrences(text, name, c, true);
  for (const std::u32string& term : dictionary().terms) markOccurrences(text, term, c, false);
  markNumbers(text, c);
  markBookTitles(text, c);
  return c.breaks();
}

}  // namespace gongwen::layout
