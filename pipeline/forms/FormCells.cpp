#include "pipeline/forms/FormCells.h"

namespace gongwen::forms {

model::FormCell label(const std::string& text, int columnSpan) {
  model::FormCell cell;
  cell.role = model::CellRole::Label;
  cell.text.value = text;
  cell.columnSpan = columnSpan;
  cell.align = model::CellAlign::Centre;
  return cell;
}

model::FormCell value(const model::Text& text, const std::string& field, int columnSpan,
                      model::CellAlign align) {
  model::FormCell cell;
  cell.text = text;
  cell.field = field;
  cell.columnSpan = columnSpan;
  cell.align = align;
  return cell;
}

model::FormCell signatureBox(const policy::Step& step, int columnSpan) {
  model::FormCell cell;
  cell.role = model::CellRole::SignatureBox;
  cell.text.value = step.name;
  cell.columnSpan = columnSpan;
  cell.signer = step.id;
  cell.field = step.id;
  return cell;
}

}  // namespace gongwen::forms
