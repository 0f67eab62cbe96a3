#pragma once
// Validates one row of the proposals register, column by column, before anything is written for it.

#include <optional>
#include <vector>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {

// The longest 姓名: the salutation "<姓名>代表：" (or 委员：) must fit on one line of the letter's
// 28-字 grid, as a salutation is never broken.
std::size_t maxNameLength();

struct ValidatedRow {
  std::optional<Proposal> proposal;  // set when `errors` is empty
  std::vector<RowError> errors;      // every column that is wrong, in column order
};

// `fonts`: the faces the letter is set in; a character none of the faces its text is set in can
// draw is an error of its column (proposal.missing-glyph), found here rather than half-way
// through laying out the letter.
ValidatedRow validateProposal(const ProposalRecord& record, const fonts::FontLibrary& fonts);

}  // namespace gongwen::reply
