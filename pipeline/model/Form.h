#pragma once
// A form (表单): a titled table of ruled cells — fixed labels, filled values, merged cells and
// signature boxes — laid out on A4 by layout/FormLayout. Leave slips (请假条), reimbursement
// vouchers (报销凭证) and the proposals register (办理情况汇总表) are each built as one Form from
// their data, so that one layout and one PDF writer serve all of them. Values keep their
// SourceLocation, so a value that cannot be laid out is an error naming the job's field.

#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/Document.h"

namespace gongwen::model {

enum class PageOrientation { Portrait, Landscape };

enum class CellRole {
  Label,         // fixed text of the form (申请人, 金额…), set in the form's label role
  Value,         // filled data; wraps inside its cell (ICU line breaking) and the row grows
  SignatureBox,  // an empty signature field, filled when `signer` signs; `text` is its caption
};

enum class CellAlign { Start, Centre, End };

struct FormCell {
  CellRole role = CellRole::Value;
  Text text;           // the label, the value, or the box's caption (the step's name)
  int columnSpan = 1;  // merged across columns
  int rowSpan = 1;     // merged down rows
  CellAlign align = CellAlign::Start;
  // Names the datum in errors when `text.where` is not enough ("items[2].amount").
  std::string field;
  // SignatureBox only: the approval step id of the policy's chain that fills this box, or
  // "applicant" for the person whose form it is. Written as the field's /GongwenStep.
  std::string signer;
};

struct FormRow {
  std::vector<FormCell> cells;
  double minHeightMm = 0;          // a row is at least this tall (signature rows need room to sign)
  bool repeatsOnEachPage = false;  // a header row of a table that runs over several pages
  bool marked = false;             // drawn emphasised (e.g. an overdue row of the proposals register)
};

// A line of text outside the table (the date and department above it, 附单据 N 张 below it).
// Converts from Text, which sets it flush with the table's left edge.
struct FormLine {
  FormLine(Text text = {}, CellAlign align = CellAlign::Start) : text(std::move(text)), align(align) {}
  Text text;
  CellAlign align = CellAlign::Start;
};

struct Form {
  std::string sourceFile;
  Text title;                         // centred above the table (请假条, 报销凭证…)
  std::vector<FormLine> linesAbove;   // e.g. the date and department line, right or left aligned
  std::vector<double> columnWeights;  // relative column widths; the table spans the 版心 width
  std::vector<FormRow> rows;
  std::vector<FormLine> linesBelow;  // e.g. 附单据 N 张
  PageOrientation orientation = PageOrientation::Portrait;
  // A single-page form (slip, voucher) must fit one page; a register may run over pages, its
  // header rows repeated.
  bool singlePage = true;
};

}  // namespace gongwen::model
