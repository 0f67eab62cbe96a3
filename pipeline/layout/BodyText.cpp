#include "pipeline/layout/BodyText.h"

#include "pipeline/layout/ParagraphSetter.h"

namespace gongwen::layout {

fonts::FontRole roleFor(model::BlockKind kind) {
  switch (kind) {
    case model::BlockKind::Heading1:
      return fonts::FontRole::Heiti;
    case model::BlockKind::Heading2:
      return fonts::FontRole::Kaiti;
    case model::BlockKind::Heading3:
    case model::BlockKind::Heading4:
    case model::BlockKind::Paragraph:
      return fonts::FontRole::Fangsong;
  }
  return fonts::FontRole::Fangsong;
}

std::vector<SetLine> setBlock(const model::Block& block, const GlyphMetrics& metrics) {
  const StyledText t =
      styledText(block.text.value, bodySizeIn(roleFor(block.kind)), metrics, block.text.where);
  return setParagraph(t, ParagraphFormat{});
}

void addBlocks(const std::vector<model::Block>& blocks, const GlyphMetrics& metrics, Flow& flow) {
  std::vector<std::vector<SetLine>> set;
  for (const model::Block& block : blocks) set.push_back(setBlock(block, metrics));
  for (size_t i = 0; i < blocks.size(); ++i) {
    // The standard is silent; a clerk never leaves a heading (or a run of headings) at a page's
    // bottom without the first lines of the paragraph it introduces.
    if (blocks[i].kind != model::BlockKind::Paragraph && flow.nextSlot() > 0) {
      int free = flow.freeSlots();
      size_t next = i;
      for (; next < blocks.size() && blocks[next].kind != model::BlockKind::Paragraph; ++next) {
        free -= static_cast<int>(set[next].size());
      }
      const bool followed = next < blocks.size();
      if (followed &&
          (free < 0 || Flow::paragraphLinesHere(free, 0, static_cast<int>(set[next].size())) == 0))
        flow.newPage();
    }
    flow.addParagraph(std::move(set[i]));
  }
}

}  // namespace gongwen::layout
