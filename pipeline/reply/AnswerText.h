#pragma once
// The 答复 column as the section wrote it, turned into the letter's body blocks: paragraphs are
// separated by blank lines (the lines of one paragraph are joined as the job loader joins wrapped
// text); a line starting with 一、 is a level-1 heading, one starting with （一） a level-2 heading.

#include <string_view>
#include <vector>

#include "pipeline/model/Document.h"

namespace gongwen::reply {

// Texts carry no location; the caller places them. Empty for an answer of blank lines only.
std::vector<model::Block> answerBlocks(std::string_view answer);

}  // namespace gongwen::reply
