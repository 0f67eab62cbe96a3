#include "pipeline/batch/NextSigner.h"

#include <optional>

#include "pipeline/core/Error.h"

namespace gongwen::batch {

namespace {

std::optional<policy::Authorisation> mayGive(const policy::Policy& policy, const policy::Chain& chain,
                                             const policy::Step& step,
                                             const std::vector<policy::SignedStep>& signedSteps,
                                             const std::string& person, const std::string& applicant,
                                             std::time_t now) {
  try {
    return policy::authorise(policy, chain.id, signedSteps, person, step.id, now, applicant);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

const policy::Step* nextRequiredStep(const policy::Chain& chain,
                                     const std::vector<policy::SignedStep>& signedSteps) {
  std::size_t after = 0;
  for (std::size_t i = 0; i < chain.steps.size(); ++i)
    for (const policy::SignedStep& given : signedSteps)
      if (given.stepId == chain.steps[i].id) after = i + 1;
  for (std::size_t i = after; i < chain.steps.size(); ++i)
    if (!chain.steps[i].optional) return &chain.steps[i];
  return nullptr;
}

NextSigner chooseSigner(const policy::Policy& policy, const Keyring& keyring, const policy::Chain& chain,
                        const policy::Step& step, const std::vector<policy::SignedStep>& signedSteps,
                        const std::string& applicant, std::time_t now) {
  NextSigner next;
  const KeyringEntry* seal = step.seal.empty() ? nullptr : keyring.find(step.seal);
  if (step.seal.empty() || seal != nullptr) {
    for (const KeyringEntry& entry : keyring.entries) {
      if (entry.seal || !mayGive(policy, chain, step, signedSteps, entry.holder, applicant, now)) continue;
      next.signer = &entry;
      next.seal = seal;
      return next;
    }
  }
  std::string names;
  // Those who give the step themselves first, then those who may act for them (a delegation).
  std::string deputies;
  for (const policy::Person& person : policy.people) {
    const auto granted = mayGive(policy, chain, step, signedSteps, person.id, applicant, now);
    if (!granted) continue;
    next.waitingPeople.push_back(person.id);
    std::string& list = granted->actingFor != nullptr ? deputies : names;
    list += (list.empty() ? "" : "、") + person.name +
            (granted->actingFor != nullptr ? "（代" + granted->actingFor->name + "）" : "");
  }
  if (!deputies.empty()) names += (names.empty() ? "" : "、") + deputies;
  if (!step.seal.empty() && seal == nullptr) {
    const policy::Seal* wanted = policy.findSeal(step.seal);
    names = (wanted != nullptr ? wanted->name : step.seal) + (names.empty() ? "" : "（" + names + "）");
  }
  next.waitingFor = step.name + " — " + (names.empty() ? "nobody the policy allows now" : names);
  return next;
}

}  // namespace gongwen::batch
