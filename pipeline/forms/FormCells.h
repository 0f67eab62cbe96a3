#pragma once
// Building blocks shared by the form builders: label and value cells, and the signature boxes of
// an approval chain.

#include <string>
#include <vector>

#include "pipeline/model/Form.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::forms {

model::FormCell label(const std::string& text, int columnSpan = 1);
model::FormCell value(const model::Text& text, const std::string& field, int columnSpan = 1,
                      model::CellAlign align = model::CellAlign::Start);

// One box for `step`, captioned with the step's name; signing the step fills it.
model::FormCell signatureBox(const policy::Step& step, int columnSpan);

// Signature rows need room for a name and a time in a hand's size.
inline constexpr double kSignatureRowMm = 20;

}  // namespace gongwen::forms
