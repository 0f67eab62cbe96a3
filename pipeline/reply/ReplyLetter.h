#pragma once
// The reply letter (函, 信函格式, GB/T 9704 10.1) for one proposal, as a job XML of template
// `letter` in the shape the office writes by hand (samples/jobs/letter-*.xml): salutation to the
// deputy or member, the standard opening naming the proposal and the units, the answer, the closing,
// the handling class, the contact person in the 附注 and copies to the 人大 or 政协 office and the
// city government. Where the bureau only assists (协办), the letter is its opinion to the lead unit
// instead (LetterWording.h).

#include <map>
#include <string>

#include "pipeline/reply/CalendarDate.h"
#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {

// What the register does not say: who answers, and when.
struct ReplySettings {
  std::string issuer;  // the bureau, e.g. 江州市生态环境局 (the policy's organisation)
  // The city whose 人大, 政协 and government receive copies: the issuer's name up to its first 市.
  std::string city;
  // Pressed on the signature: the seal step's of the chain in the policy; without a policy the
  // administrative seal, which both proposal chains of the sample policy press. Empty: no seal.
  std::string seal = "administrative-seal";
  CalendarDate date;  // 成文日期
};

// "江州市生态环境局" -> "江州市"; empty when the name has no 市.
std::string cityOf(const std::string& issuer);

// "npc-17-5-126" / "cppcc-14-5-87": the stable base name of the row's job and PDF.
std::string replyBaseName(const Proposal& p);

// proposal-ordinary or proposal-important, by 重要程度.
const char* replyChain(const Proposal& p);

struct ReplyJob {
  std::string xml;
  // Which register column each generated element comes from (XPath -> column), so that a finding
  // of check in the letter is reported against the column to correct. Elements not listed are the
  // program's own text (the closing) or come from the answer.
  std::map<std::string, Column> columnOfElement;
};

ReplyJob replyJob(const Proposal& p, const ReplySettings& settings);

}  // namespace gongwen::reply
