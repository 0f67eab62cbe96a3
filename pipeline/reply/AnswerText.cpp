#include "pipeline/reply/AnswerText.h"

#include <string>

#include "pipeline/check/ChineseNumerals.h"
#include "pipeline/core/Utf.h"
#include "pipeline/job/TextFolding.h"

namespace gongwen::reply {
namespace {

bool isBlankChar(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000'; }

std::u32string trimmed(std::u32string_view line) {
  std::size_t begin = 0, end = line.size();
  while (begin < end && isBlankChar(line[begin])) ++begin;
  while (end > begin && isBlankChar(line[end - 1])) --end;
  return std::u32string(line.substr(begin, end - begin));
}

bool isChineseNumber(std::u32string_view s) { return check::parseChineseNumber(s).has_value(); }

// 一、… is level 1; （一）… is level 2 (GB/T 9704 7.3.3's first two levels of 结构层次序数).
model::BlockKind kindOfLine(const std::u32string& line) {
  const std::size_t comma = line.find(U'、');
  if (comma != std::u32string::npos && comma > 0 &&
      isChineseNumber(std::u32string_view(line).substr(0, comma))) {
    return model::BlockKind::Heading1;
  }
  const std::size_t close = line.find(U'）');
  if (line.size() > 2 && line[0] == U'（' && close != std::u32string::npos && close > 1 &&
      isChineseNumber(std::u32string_view(line).substr(1, close - 1))) {
    return model::BlockKind::Heading2;
  }
  return model::BlockKind::Paragraph;
}

}  // namespace

std::vector<model::Block> answerBlocks(std::string_view answer) {
  const std::u32string text = toUtf32(answer, "the answer");
  std::vector<model::Block> blocks;
  std::string paragraph;  // the lines of the paragraph being collected, "\n"-joined
  const auto endParagraph = [&] {
    if (!paragraph.empty()) blocks.push_back({model::BlockKind::Paragraph, {job::foldText(paragraph), {}}});
    paragraph.clear();
  };
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(U'\n', begin);
    if (end == std::u32string::npos) end = text.size();
    const std::u32string line = trimmed(std::u32string_view(text).substr(begin, end - begin));
    const model::BlockKind kind = line.empty() ? model::BlockKind::Paragraph : kindOfLine(line);
    if (line.empty() || kind != model::BlockKind::Paragraph) endParagraph();
    if (kind != model::BlockKind::Paragraph) {
      blocks.push_back({kind, {toUtf8(line), {}}});
    } else if (!line.empty()) {
      paragraph += (paragraph.empty() ? "" : "\n") + toUtf8(line);
    }
    begin = end + 1;
  }
  endParagraph();
  return blocks;
}

}  // namespace gongwen::reply
