#pragma once
// Forms (leave slips, vouchers, the proposals register) to PDF: the form layout, then the same PDF
// writer as the 公文, with the Info entries the caller gives (what the document claims to be).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/model/Form.h"

namespace gongwen::render {

// Lays out and writes `form`. `info` becomes the Info dictionary (its title defaults to the form's);
// the /ID comes from the content and `fixedTime`, as for renderToPdf. Throws what layout::layOutForm
// throws (form.does-not-fit naming the value, form.grid, font.missing-glyph) before anything is
// written.
std::string renderFormToPdf(const model::Form& form, const fonts::FontLibrary& fonts,
                            const layout::DocumentInfo& info, std::optional<std::int64_t> fixedTime,
                            std::size_t* pageCount = nullptr);

}  // namespace gongwen::render
