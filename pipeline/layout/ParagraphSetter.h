#pragma once
// A paragraph of 正文 (or any element set like one): first line indented, wrapped lines at their
// own indent, every line but the last justified to the block's full width.

#include <vector>

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {

struct ParagraphFormat {
  double left = kTypeLeft;             // the block's left edge
  double width = kTypeWidth;           // the block's width
  double firstIndent = 2 * kGridCell;  // 正文: two 字 (7.3.3)
  double restIndent = 0;               // 正文: wrapped lines flush left
  bool justify = true;
  // Characters of a label the wrapped lines hang from (附件：1. , 抄送：, 出席：): justification
  // leaves them at their natural width so that the wraps line up under the text after them.
  size_t hangingLabel = 0;
  // A list of names (主送, 抄送): each name stays whole on a line unless it is longer than one.
  bool listOfNames = false;
};

// `t` must be measured.
std::vector<SetLine> setParagraph(const StyledText& t, const ParagraphFormat& format);

}  // namespace gongwen::layout
