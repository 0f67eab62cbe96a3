#pragma once
// The wording of the letter the bureau writes for a proposal, by its part in handling it: as the
// lead unit (主办) it answers the deputy or member; as an assisting unit (协办) it sends its opinion
// to the lead unit, which answers (DOMAIN.md: within the same two months). The texts are data with
// {placeholders}, filled from the row, so that a change of phrasing is a change here and not in
// the code that builds the letter.

#include <map>
#include <string>

#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {

struct LetterWording {
  const char* title;      // after the issuer's name
  const char* recipient;  // 主送
  const char* opening;    // the first paragraph, before the answer
  const char* closing;    // the last paragraph, after it
  bool copiesToOffices;   // 抄送 the 人大 or 政协 office and the city government
};

const LetterWording& letterWording(UnitRole role);

// `text` with each {name} replaced by values.at(name). Throws std::out_of_range for a name not
// given: a wording naming a value the letter does not have is a programming error.
std::string filledIn(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace gongwen::reply
