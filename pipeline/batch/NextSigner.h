#pragma once
// Who gives a document's next step in this run. The batch gives the required steps of the chain in
// order (an optional step, such as 规范性审查, is left to be given by hand); the signer is the first
// person of the keyring whom the policy allows that step now (for a seal step: a keeper, with the
// seal itself in the keyring too). When nobody in the keyring may give it, the document waits, and
// the wait names the step and the people who could give it.

#include <ctime>
#include <string>
#include <vector>

#include "pipeline/batch/Keyring.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::batch {

// The first required step not yet signed after the last step signed; null when none is left.
const policy::Step* nextRequiredStep(const policy::Chain& chain,
                                     const std::vector<policy::SignedStep>& signedSteps);

struct NextSigner {
  const KeyringEntry* signer = nullptr;  // null: the document waits
  const KeyringEntry* seal = nullptr;    // a seal step: the seal's keyring entry
  // When waiting: "局长签发 — 王建国" (with 、 between several people) and their ids.
  std::string waitingFor;
  std::vector<std::string> waitingPeople;
};

NextSigner chooseSigner(const policy::Policy& policy, const Keyring& keyring, const policy::Chain& chain,
                        const policy::Step& step, const std::vector<policy::SignedStep>& signedSteps,
                        const std::string& applicant, std::time_t now);

}  // namespace gongwen::batch
