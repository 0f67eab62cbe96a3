#pragma once
// 标题 (7.3.1): 2号 小标宋, centred; when it needs several lines they keep words and terms whole
// (词意完整: TitleBreaks), break at the seams that read best and form a 梯形 or 菱形 — line widths
// rise then fall, never dip in the middle (an hourglass).

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/layout/LineBreaker.h"
#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/StyledText.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// A title takes at most one page of type; longer ones are refused rather than searched.
inline constexpr int kMaxTitleLines = kLinesPerPage;
inline constexpr size_t kMaxTitleCharacters = 1000;

// How much work choosing the breaks took: every line of the title whose cost was weighed.
struct TitleSearchStats {
  size_t candidateLines = 0;
};

// Chooses the title's lines for a block `room` wide by one cost over the whole title: breaks
// inside a term (an organ name from `names`, a 《…》 title, a number with its unit, a compound
// term) only when nothing else fits, seams before plain word boundaries, 正梯形 before 菱形 before
// 上长下短 or equal lines, never an hourglass, even widths, few lines. Falls back to plain line
// breaking when no shaped choice exists (a word longer than a line). Dynamic programming over the
// break points: polynomial in the title's length. Appends to `problems` why the title could not
// be set well (a rule id of check's catalog and the span at fault). Throws Error(InputInvalid,
// "title.too-long") naming `where` when the title exceeds kMaxTitleLines or kMaxTitleCharacters.
std::vector<LineSpan> titleLines(const StyledText& t, double room, const model::SourceLocation& where,
                                 const std::vector<std::u32string>& names, TitleSearchStats* stats = nullptr,
                                 std::vector<LayoutProblem>* problems = nullptr);

// Sets measured title text centred in [left, left + room]; appends to `problems` why it could not
// be set well.
std::vector<SetLine> setTitle(const StyledText& t, double left, double room,
                              const model::SourceLocation& where, const std::vector<std::u32string>& names,
                              std::vector<LayoutProblem>& problems);

// True when widths never fall and then rise again (梯形 or 菱形, not an hourglass).
bool isTrapezoidOrDiamond(const std::vector<double>& widths);

}  // namespace gongwen::layout
