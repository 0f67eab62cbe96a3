#pragma once
// 标题 (7.3.1): 2号 小标宋, centred; when it needs several lines they break only between words
// (ICU word boundaries where the 避头尾 rules allow a break) and form a 梯形 or 菱形 — line widths
// rise then fall, never dip in the middle (an hourglass).

#include <cstddef>
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

// Chooses the title's lines for a block `room` wide: the fewest lines, then the most even
// widths that keep the shape; a longer first line wins ties (the usual 倒梯形). Falls back to
// plain line breaking when no shaped choice exists (a word longer than a line). Dynamic
// programming over the break points: polynomial in the title's length. Throws
// Error(InputInvalid, "title.too-long") naming `where` when the title exceeds kMaxTitleLines or
// kMaxTitleCharacters.
std::vector<LineSpan> titleLines(const StyledText& t, double room, const model::SourceLocation& where,
                                 TitleSearchStats* stats = nullptr);

// Sets measured title text centred in [left, left + room].
std::vector<SetLine> setTitle(const StyledText& t, double left, double room,
                              const model::SourceLocation& where);

// True when widths never fall and then rise again (梯形 or 菱形, not an hourglass).
bool isTrapezoidOrDiamond(const std::vector<double>& widths);

}  // namespace gongwen::layout
