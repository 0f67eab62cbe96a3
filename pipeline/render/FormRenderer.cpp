#include "pipeline/render/FormRenderer.h"

#include "pipeline/layout/FormLayout.h"
#include "pipeline/render/Renderer.h"

namespace gongwen::render {

std::string renderFormToPdf(const model::Form& form, const fonts::FontLibrary& fonts,
                            const layout::DocumentInfo& info, std::optional<std::int64_t> fixedTime,
                            std::size_t* pageCount) {
  layout::Frames frames = layout::layOutForm(form, fonts).frames;
  frames.info = info;
  if (frames.info.title.empty()) frames.info.title = form.title.value;
  if (pageCount) *pageCount = frames.pages.size();
  return writeFramesToPdf(frames, fonts, fixedTime);
}

}  // namespace gongwen::render
