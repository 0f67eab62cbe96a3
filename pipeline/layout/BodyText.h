#pragma once
// 正文 blocks (7.3.3): paragraphs and headings, 3号, first line indented 2 字, wrapped lines flush
// left; level-1 headings in 黑体, level-2 in 楷体, levels 3–4 in 仿宋.

#include <vector>

#include "pipeline/layout/Flow.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

fonts::FontRole roleFor(model::BlockKind kind);

std::vector<SetLine> setBlock(const model::Block& block, const GlyphMetrics& metrics);

void addBlocks(const std::vector<model::Block>& blocks, const GlyphMetrics& metrics, Flow& flow);

}  // namespace gongwen::layout
