#pragma once
// Building blocks shared by the form builders: label and value cells, and the signature boxes of
// an approval chain.

#include <string>
#include <vector>

#include "pipeline/model/Document.h"
#include "pipeline/model/Form.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::forms {

// An empty form titled with the template's 文种 (请假条, 报销凭证), its values located in the job.
model::Form titledForm(const model::Document& doc, std::vector<double> columnWeights);

// `text` with another value, keeping where it came from (for a line that prints it with a label).
model::Text relabelled(const model::Text& text, std::string value);

model::FormCell label(const std::string& text, int columnSpan = 1);
model::FormCell value(const model::Text& text, const std::string& field, int columnSpan = 1,
                      model::CellAlign align = model::CellAlign::Start);

// One box for `step`, captioned with the step's name; signing the step fills it.
model::FormCell signatureBox(const policy::Step& step, int columnSpan);

// Signature rows need room for a name and a time in a hand's size.
inline constexpr double kSignatureRowMm = 20;

}  // namespace gongwen::forms
