#include "pipeline/forms/FormCells.h"

#include <utility>

namespace gongwen::forms {

model::Form titledForm(const model::Document& doc, std::vector<double> columnWeights) {
  model::Form form;
  form.sourceFile = doc.sourceFile;
  form.title.value = doc.tmpl.kindName;
  form.title.where.file = doc.tmpl.sourceFile;
  form.columnWeights = std::move(columnWeights);
  return form;
}

model::Text relabelled(const model::Text& text, std::string value) {
  model::Text copy = text;
  copy.value = std::move(value);
  return copy;
}

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
