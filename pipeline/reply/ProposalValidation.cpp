#include "pipeline/reply/ProposalValidation.h"

#include "pipeline/check/ChineseNumerals.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/reply/AnswerText.h"

namespace gongwen::reply {
namespace {

constexpr std::string_view kSalutationSuffix = "代表：";  // 委员： is as long

bool isBlankChar(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// Reads the columns of one record and collects an error for each that is wrong.
class RowChecker {
 public:
  RowChecker(const ProposalRecord& record, const fonts::FontLibrary& fonts)
      : record_(record), fonts_(fonts) {}

  void error(Column column, const std::string& code, const std::string& what) {
    RowError e;
    e.row = record_.row;
    e.line = record_.line;
    e.column = column;
    e.code = code;
    e.message = what;
    errors_.push_back(std::move(e));
  }

  // The field as code points, trimmed; nullopt (and an error) when it is not UTF-8, is empty where a
  // value is required, or holds a line break where one line is expected.
  std::optional<std::u32string> text(Column column, bool multiLine = false) {
    std::u32string t;
    try {
      t = toUtf32(record_[column], std::string(columnName(column)));
    } catch (const Error&) {
      error(column, "proposal.utf8", "is not UTF-8 text; save the register as UTF-8");
      return std::nullopt;
    }
    std::size_t begin = 0, end = t.size();
    while (begin < end && (isBlankChar(t[begin]) || t[begin] == U'\n' || t[begin] == U'\r')) ++begin;
    while (end > begin && (isBlankChar(t[end - 1]) || t[end - 1] == U'\n' || t[end - 1] == U'\r')) --end;
    t = t.substr(begin, end - begin);
    if (t.empty()) {
      error(column, column == Column::Answer ? "proposal.answer-missing" : "proposal.empty",
            column == Column::Answer ? "is empty: write the answer before the reply can be produced"
                                     : "is empty");
      return std::nullopt;
    }
    if (!multiLine && t.find_first_of(U"\r\n") != std::u32string::npos) {
      error(column, "proposal.line-break", "holds a line break; write it on one line");
      return std::nullopt;
    }
    return t;
  }

  // Whether the face of `role` draws every character of `t`; an error of `column` if not.
  bool drawable(Column column, std::u32string_view t, fonts::FontRole role) {
    const fonts::FontFace& face = fonts_.face(role);
    for (const char32_t c : t) {
      if (isBlankChar(c) || c == U'\n' || c == U'\r') continue;
      if (!face.glyphFor(c)) {
        error(column, "proposal.missing-glyph",
              "has " + describeChar(c) + ", which the " + std::string(fonts::roleDisplayName(role)) +
                  " font (" + face.familyName() +
                  ") cannot draw; replace the character or configure a font that has it in fonts.xml");
        return false;
      }
    }
    return true;
  }

  // Every one-line text column is set in 仿宋 (body text, 附注, the register's cells).
  std::optional<std::string> bodyText(Column column) {
    const auto t = text(column);
    if (!t || !drawable(column, *t, fonts::FontRole::Fangsong)) return std::nullopt;
    return toUtf8(*t);
  }

  std::vector<RowError> take() { return std::move(errors_); }

 private:
  const ProposalRecord& record_;
  const fonts::FontLibrary& fonts_;
  std::vector<RowError> errors_;
};

// "十四届五次会议" -> {14, 5}.
std::optional<std::pair<int, int>> parseSession(std::u32string_view s) {
  const std::size_t jie = s.find(U'届');
  const std::u32string_view suffix = U"次会议";
  if (jie == std::u32string_view::npos || s.size() < jie + 1 + suffix.size() + 1 ||
      s.substr(s.size() - suffix.size()) != suffix) {
    return std::nullopt;
  }
  const auto term = check::parseChineseNumber(s.substr(0, jie));
  const auto meeting = check::parseChineseNumber(s.substr(jie + 1, s.size() - suffix.size() - jie - 1));
  if (!term || !meeting) return std::nullopt;
  return std::make_pair(*term, *meeting);
}

bool isDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// 主办 | 主办（协办：A、B） | 协办（主办：A）.
bool parseUnits(const std::string& text, Proposal& p) {
  const std::string lead = "主办", assisting = "协办";
  const std::string role = text.substr(0, lead.size());
  if (role != lead && role != assisting) return false;
  p.role = role == lead ? UnitRole::Lead : UnitRole::Assisting;
  const std::string rest = text.substr(role.size());
  const std::string open = "（" + (p.role == UnitRole::Lead ? assisting : lead) + "：", close = "）";
  if (rest.empty()) return p.role == UnitRole::Lead;
  if (rest.compare(0, open.size(), open) != 0 || rest.size() <= open.size() + close.size() ||
      rest.compare(rest.size() - close.size(), close.size(), close) != 0) {
    return false;
  }
  const std::string units = rest.substr(open.size(), rest.size() - open.size() - close.size());
  const std::string separator = "、";
  for (std::size_t begin = 0;;) {
    const std::size_t end = units.find(separator, begin);
    const std::string unit = units.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    if (unit.empty()) return false;
    p.otherUnits.push_back(unit);
    if (end == std::string::npos) break;
    begin = end + separator.size();
  }
  return p.role == UnitRole::Lead || p.otherUnits.size() == 1;
}

std::string stripBookQuotes(std::string title) {
  const std::string open = "《", close = "》";
  if (title.size() > open.size() + close.size() && title.compare(0, open.size(), open) == 0 &&
      title.compare(title.size() - close.size(), close.size(), close) == 0) {
    title = title.substr(open.size(), title.size() - open.size() - close.size());
  }
  return title;
}

bool isPhone(std::string_view s) {
  if (s.size() < 5 || s.size() > 20) return false;
  for (char c : s) {
    if (!(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

// The answer's headings are set in 黑体 (一、) and 楷体 (（一）), its paragraphs in 仿宋.
bool answerDrawable(RowChecker& checker, const std::vector<model::Block>& blocks) {
  for (const model::Block& block : blocks) {
    const fonts::FontRole role = block.kind == model::BlockKind::Heading1   ? fonts::FontRole::Heiti
                                 : block.kind == model::BlockKind::Heading2 ? fonts::FontRole::Kaiti
                                                                            : fonts::FontRole::Fangsong;
    if (!checker.drawable(Column::Answer, toUtf32(block.text.value, "the answer"), role)) return false;
  }
  return true;
}

}  // namespace

std::size_t maxNameLength() {
  return static_cast<std::size_t>(layout::kCharsPerLine) - toUtf32(kSalutationSuffix, "").size();
}

ValidatedRow validateProposal(const ProposalRecord& record, const fonts::FontLibrary& fonts) {
  ValidatedRow result;
  if (record.fieldCount != kColumnCount) {
    result.errors.push_back({record.row, record.line, std::nullopt, "proposal.columns",
                             "has " + std::to_string(record.fieldCount) + " fields where the header has " +
                                 std::to_string(kColumnCount) +
                                 "; a field holding a comma or a line break must be in double quotes"});
    return result;
  }
  RowChecker checker(record, fonts);
  Proposal p;
  p.row = record.row;
  p.line = record.line;

  if (const auto kind = checker.bodyText(Column::Kind)) {
    if (*kind == "人大代表建议") {
      p.kind = ProposalKind::Deputy;
    } else if (*kind == "政协委员提案") {
      p.kind = ProposalKind::Member;
    } else {
      checker.error(Column::Kind, "proposal.kind",
                    "\"" + *kind + "\" is neither 人大代表建议 nor 政协委员提案");
    }
  }
  if (const auto session = checker.text(Column::Session)) {
    if (const auto parts = parseSession(*session)) {
      p.session = toUtf8(*session);
      std::tie(p.term, p.meeting) = *parts;
    } else {
      checker.error(Column::Session, "proposal.session",
                    "\"" + toUtf8(*session) + "\" is not a session like 十四届五次会议");
    }
  }
  if (const auto number = checker.bodyText(Column::Number)) {
    if (isDigits(*number) && number->size() <= 6 && (*number)[0] != '0') {
      p.number = *number;
    } else {
      checker.error(Column::Number, "proposal.number", "\"" + *number + "\" is not a number like 87");
    }
  }
  if (const auto name = checker.bodyText(Column::Name)) {
    const std::size_t length = toUtf32(*name, "").size();
    if (length > maxNameLength()) {
      checker.error(Column::Name, "proposal.name-too-long",
                    "has " + std::to_string(length) + " characters; the salutation \"" + *name +
                        "代表：\" must fit on one line, so at most " + std::to_string(maxNameLength()) +
                        " fit");
    } else {
      p.name = *name;
    }
  }
  if (const auto title = checker.bodyText(Column::Title)) p.title = stripBookQuotes(*title);
  if (const auto units = checker.bodyText(Column::Units)) {
    if (!parseUnits(*units, p)) {
      checker.error(Column::Units, "proposal.units",
                    "\"" + *units + "\" is not one of 主办, 主办（协办：单位、单位） or 协办（主办：单位）");
    }
  }
  if (const auto section = checker.bodyText(Column::Section)) p.section = *section;
  if (const auto received = checker.bodyText(Column::Received)) {
    if (const auto date = parseIsoDate(*received)) {
      p.received = *date;
    } else {
      checker.error(Column::Received, "proposal.date",
                    "\"" + *received + "\" is not a date written YYYY-MM-DD, like 2026-03-05");
    }
  }
  if (const auto importance = checker.bodyText(Column::Importance)) {
    if (*importance == "一般" || *importance == "重要") {
      p.important = *importance == "重要";
    } else {
      checker.error(Column::Importance, "proposal.importance",
                    "\"" + *importance + "\" is neither 一般 nor 重要");
    }
  }
  if (const auto outcome = checker.bodyText(Column::Outcome)) {
    if (*outcome == "A" || *outcome == "B" || *outcome == "C") {
      p.outcome = (*outcome)[0];
    } else {
      checker.error(
          Column::Outcome, "proposal.outcome",
          "\"" + *outcome + "\" is not A (已解决或采纳), B (正在解决或列入计划) or C (因条件限制难以解决)");
    }
  }
  if (const auto contact = checker.bodyText(Column::Contact)) p.contact = *contact;
  if (const auto phone = checker.bodyText(Column::Phone)) {
    if (isPhone(*phone)) {
      p.phone = *phone;
    } else {
      checker.error(Column::Phone, "proposal.phone",
                    "\"" + *phone + "\" is not a telephone number like 86003456");
    }
  }
  if (const auto answer = checker.text(Column::Answer, true)) {
    if (answerDrawable(checker, answerBlocks(toUtf8(*answer)))) p.answer = toUtf8(*answer);
  }

  result.errors = checker.take();
  if (result.errors.empty()) result.proposal = std::move(p);
  return result;
}

}  // namespace gongwen::reply
