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
      styledText(block.text.value, {roleFor(block.kind), kSize3, kBlack}, metrics, block.text.where);
  return setParagraph(t, ParagraphFormat{});
}

void addBlocks(const std::vector<model::Block>& blocks, const GlyphMetrics& metrics, Flow& flow) {
  for (const model::Block& block : blocks) flow.addLines(setBlock(block, metrics));
}

}  // namespace gongwen::layout
