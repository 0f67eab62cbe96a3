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
  for (size_t i = 0; i < blocks.size(); ++i) {
    std::vector<SetLine> lines = setBlock(blocks[i], metrics);
    // The standard is silent; a clerk never leaves a heading alone on a page's last line.
    const bool heading = blocks[i].kind != model::BlockKind::Paragraph;
    if (heading && i + 1 < blocks.size() && flow.freeSlots() == static_cast<int>(lines.size()))
      flow.newPage();
    flow.addLines(std::move(lines));
  }
}

}  // namespace gongwen::layout
