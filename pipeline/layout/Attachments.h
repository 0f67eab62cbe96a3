#pragma once
// 附件说明 (7.3.4) and the attachments bound with the body (7.3.7).

#include <vector>

#include "pipeline/layout/Flow.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// `附件：名称`, or `附件：1. 名称` with later items under the first number; indented 2 字, wraps
// aligned with the name. Empty when there are no attachments.
std::vector<SetLine> attachmentNote(const model::Document& doc, const GlyphMetrics& metrics);

// Each attachment on a new page: `附件N` in 黑体 flush left on line 1, its title centred on line
// 3 in 2号 小标宋, one blank line, then its body like 正文. Titles that could not be set well are
// added to `problems`.
void addAttachmentPages(const model::Document& doc, const GlyphMetrics& metrics, Flow& flow,
                        std::vector<LayoutProblem>& problems);

}  // namespace gongwen::layout
