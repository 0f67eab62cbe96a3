#pragma once
// Who signs each step of the approval chains the sample jobs use, shared by the tests that sign
// every sample through its whole chain (tests/signing/verify_samples_test.cpp, tests/archive).

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {

// Who gives each step of the chains the sample jobs use; the first the policy accepts signs (a
// deputy review goes to the 分管领导 in charge of the drafting department).
inline const std::map<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>>&
signersByChain() {
  static const std::map<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>> table = {
      {"bureau-document",
       {{"office-proofread", {"bangong"}},
        {"deputy-review", {"fenguan-zhang", "fenguan-liu"}},
        {"director-signoff", {"juzhang"}},
        {"administrative-seal", {"bangong"}}}},
      {"joint-document",
       {{"office-proofread", {"bangong"}},
        {"deputy-review", {"fenguan-zhang", "fenguan-liu"}},
        {"secretary-signoff", {"shuji"}},
        {"director-signoff", {"juzhang"}},
        {"party-seal", {"bangong"}},
        {"administrative-seal", {"bangong"}}}},
      {"proposal-ordinary",
       {{"section-review", {"guzhang", "fagui"}},
        {"deputy-signoff", {"fenguan-liu"}},
        {"administrative-seal", {"bangong"}}}},
      {"proposal-important",
       {{"section-review", {"guzhang", "fagui"}},
        {"deputy-review", {"fenguan-liu"}},
        {"principal-signoff", {"juzhang"}},
        {"administrative-seal", {"bangong"}}}},
      {"meeting-minutes", {{"minutes-proofread", {"bangong"}}, {"principal-signoff", {"juzhang", "shuji"}}}},
      {"decree",
       {{"office-proofread", {"bangong"}},
        {"deputy-review", {"fenguan-zhang", "fenguan-liu"}},
        {"legal-review", {"fagui"}},
        {"decree-signoff", {"juzhang"}}}},
  };
  return table;
}

inline std::string signByFirstAccepted(const std::string& pdf, const std::string& step,
                                       const std::vector<std::string>& candidates) {
  std::string refusals;
  for (const auto& person : candidates) {
    try {
      return signWithCli(pdf, person, step);
    } catch (const std::runtime_error& e) {
      refusals += e.what();
    }
  }
  throw std::runtime_error("nobody could sign " + step + ": " + refusals);
}

// `pdf` signed through every step of `chain` by `gongwen sign`.
inline std::string signThroughChain(std::string pdf, const std::string& chain) {
  for (const auto& [step, candidates] : signersByChain().at(chain))
    pdf = signByFirstAccepted(pdf, step, candidates);
  return pdf;
}

// A rendered PDF signed through the whole chain it names (/GongwenChain), step by step.
inline std::string signWholeChain(const std::string& pdf) {
  const verify::pdf::Document rendered(pdf, "rendered.pdf");
  const auto info = rendered.resolve(*rendered.revisions().back().trailer.get("Info"), 0);
  const std::string chain = verify::pdf::textOf(info.get("GongwenChain"));
  if (!signersByChain().count(chain)) throw std::runtime_error("no signers listed for chain " + chain);
  return signThroughChain(pdf, chain);
}

}  // namespace gongwen::testing::verifyfx
