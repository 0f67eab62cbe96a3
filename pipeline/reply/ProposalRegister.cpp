#include "pipeline/reply/ProposalRegister.h"

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace gongwen::reply {
namespace {

// Widths in points of the 225 mm landscape 版心 (4号 cells, 10 pt of padding): the dates and
// numbers on one line, the short texts in three or four characters, the title the rest.
struct RegisterColumn {
  const char* heading;
  double weight;
};
constexpr RegisterColumn kRegisterColumns[] = {
    {"序号", 38},     {"编号", 80},     {"标题", 123},    {"代表委员", 52}, {"承办股室", 52},
    {"收到日期", 82}, {"答复期限", 82}, {"办理类别", 38}, {"办理状态", 52}, {"超期", 38},
};

// 人大代表建议 and 政协委员提案 as the register abbreviates them; anything else as written.
std::string shortKind(const std::string& kind) {
  if (kind == "人大代表建议") return "人大建议";
  if (kind == "政协委员提案") return "政协提案";
  return kind;
}

// One line of the register's text for a cell: drawable, bounded.
std::string cellText(const std::string& raw, const fonts::FontFace& face) {
  std::u32string text;
  try {
    text = toUtf32(raw, "register cell");
  } catch (const Error&) {
    return "？";
  }
  std::u32string out;
  for (char32_t c : text) {
    if (out.size() == kMaxCellChars) {
      out += U"……";
      break;
    }
    if (c == U'\n' || c == U'\r' || c == U'\t') c = U' ';
    out += c == U' ' || face.glyphFor(c) ? c : U'？';
  }
  const std::size_t begin = out.find_first_not_of(U' ');
  return begin == std::u32string::npos ? std::string()
                                       : toUtf8(out.substr(begin, out.find_last_not_of(U' ') - begin + 1));
}

model::FormCell cell(std::string text, model::CellRole role = model::CellRole::Value,
                     model::CellAlign align = model::CellAlign::Centre) {
  model::FormCell c;
  c.role = role;
  c.text.value = std::move(text);
  c.align = align;
  return c;
}

}  // namespace

const char* statusName(RowStatus status) {
  switch (status) {
    case RowStatus::Answered:
      return "已答复";
    case RowStatus::Unanswered:
      return "未答复";
    case RowStatus::Invalid:
      break;
  }
  return "有误";
}

bool isOverdue(const RegisterEntry& entry, CalendarDate asOf) {
  return entry.received && asOf > answerDeadline(*entry.received);
}

RegisterSummary summarise(const std::vector<RegisterEntry>& entries, CalendarDate asOf) {
  RegisterSummary s;
  for (const RegisterEntry& e : entries) {
    ++s.rows;
    if (e.status == RowStatus::Answered) ++s.answered;
    if (e.status == RowStatus::Unanswered) ++s.unanswered;
    if (e.status == RowStatus::Invalid) ++s.invalid;
    if (isOverdue(e, asOf)) ++s.overdue;
  }
  return s;
}

model::Form registerForm(const std::vector<RegisterEntry>& entries, const std::string& issuer,
                         CalendarDate asOf, const fonts::FontLibrary& fonts) {
  const fonts::FontFace& face = fonts.face(fonts::FontRole::Fangsong);
  model::Form form;
  form.title.value = "建议提案办理情况汇总表";
  form.orientation = model::PageOrientation::Landscape;
  form.singlePage = false;
  form.linesAbove.push_back(model::Text{"填报单位：" + issuer, {}});
  form.linesAbove.push_back({model::Text{"统计日期：" + asOf.chinese(), {}}, model::CellAlign::End});

  model::FormRow header;
  header.repeatsOnEachPage = true;
  for (const RegisterColumn& column : kRegisterColumns) {
    form.columnWeights.push_back(column.weight);
    header.cells.push_back(cell(column.heading, model::CellRole::Label));
  }
  form.rows.push_back(std::move(header));

  for (const RegisterEntry& e : entries) {
    const auto field = [&](Column c) { return cellText(e.record[c], face); };
    const bool overdue = isOverdue(e, asOf);
    model::FormRow row;
    row.marked = overdue;
    row.cells.push_back(cell(std::to_string(e.record.row)));
    // The bureau's letter for a row it assists on goes to the lead unit, not to the deputy.
    const bool assisting = e.record[Column::Units].rfind("协办", 0) == 0;
    row.cells.push_back(cell(shortKind(field(Column::Kind)) + field(Column::Session) + "第" +
                             field(Column::Number) + "号" + (assisting ? "（协办）" : "")));
    row.cells.push_back(cell(field(Column::Title), model::CellRole::Value, model::CellAlign::Start));
    row.cells.push_back(cell(field(Column::Name)));
    row.cells.push_back(cell(field(Column::Section)));
    row.cells.push_back(cell(e.received ? e.received->iso() : field(Column::Received)));
    row.cells.push_back(cell(e.received ? answerDeadline(*e.received).iso() : "—"));
    row.cells.push_back(cell(e.status == RowStatus::Answered ? field(Column::Outcome) : "—"));
    row.cells.push_back(cell(statusName(e.status)));
    row.cells.push_back(cell(overdue ? "超期" : ""));
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      row.cells[i].field = "row " + std::to_string(e.record.row) + " " + kRegisterColumns[i].heading;
    }
    form.rows.push_back(std::move(row));
  }

  const RegisterSummary s = summarise(entries, asOf);
  form.linesBelow.push_back(model::Text{
      "共" + std::to_string(s.rows) + "件：已答复" + std::to_string(s.answered) + "件，未答复" +
          std::to_string(s.unanswered) + "件，有误" + std::to_string(s.invalid) + "件；超期" +
          std::to_string(s.overdue) + "件。答复期限为收到之日起两个月，该月无对应日期的为该月最后一日。",
      {}});
  return form;
}

}  // namespace gongwen::reply
