// The approval-chain rules: who may give which step, in which order, and what authorises a seal.
// Signing calls authorise() before writing; verification replays it with reviewChain().

#include <algorithm>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/Policy.h"

namespace gongwen::policy {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string joined(const std::vector<std::string>& items, const char* separator = "、") {
  std::string text;
  for (const std::string& item : items) {
    text += (text.empty() ? "" : separator) + item;
  }
  return text;
}

std::string describe(const Step& step) { return step.name + " (" + step.id + ")"; }
std::string describe(const Person& person) { return person.name + " (" + person.id + ")"; }

// A step given by the request's applicant (申请人签字) is his alone; the others by role or name.
bool givesDirectly(const Step& step, const Person& person, const std::string& applicantId) {
  if (step.byApplicant) return person.id == applicantId;
  if (contains(step.people, person.id)) {
    return true;
  }
  return std::any_of(step.roles.begin(), step.roles.end(),
                     [&](const std::string& role) { return person.hasRole(role); });
}

std::string stepIds(const Chain& chain) {
  std::vector<std::string> ids;
  for (const Step& step : chain.steps) {
    ids.push_back(step.id);
  }
  return joined(ids, " → ");
}

std::string whoMayGive(const Step& step) {
  if (step.byApplicant) return "the applicant of the request";
  std::vector<std::string> who = step.roles;
  who.insert(who.end(), step.people.begin(), step.people.end());
  return joined(who);
}

const Delegation* delegationFor(const Policy& policy, const Chain& chain, const Step& step,
                                const Person& deputy, std::time_t now) {
  if (step.byApplicant) return nullptr;  // nobody signs a request for the person who makes it
  for (const Delegation& delegation : policy.delegations) {
    const Person* principal = policy.findPerson(delegation.principal);
    if (delegation.deputy == deputy.id && principal != nullptr && now >= delegation.validFrom &&
        now <= delegation.validUntil &&
        (delegation.chains.empty() || contains(delegation.chains, chain.id)) &&
        (delegation.steps.empty() || contains(delegation.steps, step.id)) &&
        givesDirectly(step, *principal, std::string())) {
      return &delegation;
    }
  }
  return nullptr;
}

const SignedStep* findSigned(const std::vector<SignedStep>& signedSteps, const std::string& stepId) {
  auto it = std::find_if(signedSteps.begin(), signedSteps.end(),
                         [&](const SignedStep& done) { return done.stepId == stepId; });
  return it == signedSteps.end() ? nullptr : &*it;
}

std::size_t indexOf(const Chain& chain, const Step& step) {
  return static_cast<std::size_t>(&step - chain.steps.data());
}

// With no step named: the first step after the last one signed that this person may give; an
// optional step the person cannot give is skipped, a required one is returned (and refused later).
const Step& chooseNextStep(const Policy& policy, const Chain& chain,
                           const std::vector<SignedStep>& signedSteps, const Person& person, std::time_t now,
                           const std::string& applicantId) {
  std::size_t start = 0;
  for (const SignedStep& done : signedSteps) {
    if (const Step* step = chain.findStep(done.stepId)) {
      start = std::max(start, indexOf(chain, *step) + 1);
    }
  }
  for (std::size_t i = start; i < chain.steps.size(); ++i) {
    const Step& step = chain.steps[i];
    bool mayGive = givesDirectly(step, person, applicantId) ||
                   delegationFor(policy, chain, step, person, now) != nullptr;
    if (mayGive || !step.optional) {
      return step;
    }
  }
  throw policyError("policy.chain-complete", "chain " + chain.name + " (" + chain.id +
                                                 ") has no step left for " + describe(person) +
                                                 ": every step is signed");
}

void refuseRepeat(const Chain& chain, const Step& step, const std::vector<SignedStep>& signedSteps) {
  if (const SignedStep* done = findSigned(signedSteps, step.id)) {
    throw policyError("policy.step-repeated", "rule step-repeated: step " + describe(step) + " of chain " +
                                                  chain.id + " was already given (by " + done->personId +
                                                  "); each step is given once");
  }
}

void checkSealAuthority(const Policy& policy, const Chain& chain, const Step& step, const Seal& seal,
                        const std::vector<SignedStep>& signedSteps) {
  const Step* authorising = chain.findStep(step.authorisedBy);
  const SignedStep* done = findSigned(signedSteps, step.authorisedBy);
  if (authorising == nullptr || done == nullptr) {
    throw policyError(
        "policy.seal-unauthorised",
        "rule seal-unauthorised: " + seal.name + " (" + seal.id + ") may be applied only after " +
            (authorising ? describe(*authorising) : step.authorisedBy) + " is signed; sign that step first");
  }
  const std::vector<std::string>& roles =
      step.authorisingRoles.empty() ? seal.authorisingRoles : step.authorisingRoles;
  const Person* authoriser = policy.findPerson(done->actingFor.empty() ? done->personId : done->actingFor);
  bool holdsRole = authoriser != nullptr &&
                   std::any_of(roles.begin(), roles.end(),
                               [&](const std::string& role) { return authoriser->hasRole(role); });
  if (!holdsRole) {
    throw policyError("policy.seal-unauthorised", "rule seal-unauthorised: " + seal.name + " (" + seal.id +
                                                      ") needs the signature of " + joined(roles) + " on " +
                                                      describe(*authorising) + ", but it was signed by " +
                                                      (authoriser ? describe(*authoriser) : done->personId));
  }
}

void checkOrder(const Chain& chain, const Step& step, const std::vector<SignedStep>& signedSteps) {
  std::size_t index = indexOf(chain, step);
  for (const SignedStep& done : signedSteps) {
    const Step* later = chain.findStep(done.stepId);
    if (later != nullptr && indexOf(chain, *later) > index) {
      throw policyError("policy.step-out-of-order", "rule step-out-of-order: " + describe(step) +
                                                        " comes before " + describe(*later) +
                                                        ", which is already signed, in chain " + chain.id);
    }
  }
  for (std::size_t i = 0; i < index; ++i) {
    const Step& earlier = chain.steps[i];
    if (!earlier.optional && findSigned(signedSteps, earlier.id) == nullptr) {
      throw policyError("policy.step-out-of-order", "rule step-out-of-order: " + describe(earlier) +
                                                        " must be signed before " + describe(step) +
                                                        " in chain " + chain.id);
    }
  }
}

void checkInCharge(const Policy& policy, const Step& step, const Authorisation& granted,
                   const std::string& applicantId) {
  if (applicantId.empty()) {
    throw policyError("policy.applicant-required",
                      "rule applicant-required: " + describe(step) +
                          " is given by the 分管领导 in charge of the applicant; "
                          "name the applicant of the request");
  }
  const Person* applicant = policy.findPerson(applicantId);
  if (applicant == nullptr) {
    throw policyError("policy.unknown-person", "rule unknown-person: applicant '" + applicantId +
                                                   "' is not a person of the policy " + policy.sourceFile);
  }
  const Person& inCharge = granted.actingFor ? *granted.actingFor : *granted.signer;
  if (!contains(inCharge.oversees, applicant->department)) {
    throw policyError("policy.not-in-charge",
                      "rule not-in-charge: " + describe(inCharge) + " is not in charge of " +
                          (applicant->department.empty() ? "the department" : applicant->department) +
                          " of the applicant " + describe(*applicant) + ", so may not give " +
                          describe(step));
  }
}

}  // namespace

Authorisation authorise(const Policy& policy, const std::string& chainId,
                        const std::vector<SignedStep>& signedSteps, const std::string& personId,
                        const std::string& stepId, std::time_t now, const std::string& applicantId) {
  const Chain* chain = policy.findChain(chainId);
  if (chain == nullptr) {
    throw policyError("policy.unknown-chain", "rule unknown-chain: approval chain '" + chainId +
                                                  "' is not in the policy " + policy.sourceFile +
                                                  "; render the document with a chain the policy defines");
  }
  const Person* person = policy.findPerson(personId);
  if (person == nullptr) {
    throw policyError("policy.unknown-person", "rule unknown-person: '" + personId +
                                                   "' is not a person of the policy " + policy.sourceFile);
  }
  const Step* step = stepId.empty() ? &chooseNextStep(policy, *chain, signedSteps, *person, now, applicantId)
                                    : chain->findStep(stepId);
  if (step == nullptr) {
    throw policyError("policy.unknown-step", "rule unknown-step: chain " + chain->id + " has no step '" +
                                                 stepId + "'; its steps are " + stepIds(*chain));
  }
  refuseRepeat(*chain, *step, signedSteps);

  Authorisation result;
  result.chain = chain;
  result.step = step;
  result.signer = person;
  if (step->byApplicant && applicantId.empty()) {
    throw policyError("policy.applicant-required", "rule applicant-required: " + describe(*step) +
                                                       " is given by the applicant of the request, and it "
                                                       "names none; name the applicant of the request");
  }
  if (!givesDirectly(*step, *person, applicantId)) {
    result.delegation = delegationFor(policy, *chain, *step, *person, now);
    if (result.delegation == nullptr) {
      throw policyError("policy.signer-not-allowed",
                        "rule signer-not-allowed: " + describe(*person) + " may not give " + describe(*step) +
                            " of chain " + chain->id + "; it needs " + whoMayGive(*step) +
                            " (or a delegation valid on " + formatUtcTime(now) + ")");
    }
    result.actingFor = policy.findPerson(result.delegation->principal);
  }
  if (step->inChargeOfApplicant) {
    checkInCharge(policy, *step, result, applicantId);
  }
  if (!step->seal.empty()) {
    result.seal = policy.findSeal(step->seal);
    checkSealAuthority(policy, *chain, *step, *result.seal, signedSteps);
  }
  if (step->signatureSeal) {
    // The 签名章 is the signer's own: one acting for another presses his own, never the principal's.
    result.signatureSeal = policy.signatureSealOf(person->id);
    if (result.signatureSeal == nullptr)
      throw policyError("policy.no-signature-seal",
                        "rule no-signature-seal: " + describe(*step) + " presses the signer's 签名章, and " +
                            describe(*person) +
                            " has none in the policy; add a <seal kind=\"signature\" owner=\"" + person->id +
                            "\">");
  }
  checkOrder(*chain, *step, signedSteps);
  result.credentials = result.seal ? &result.seal->credentials : &person->credentials;
  return result;
}

ChainReview reviewChain(const Policy& policy, const std::string& chainId,
                        const std::vector<SignedStep>& signedSteps, const std::vector<std::time_t>& times,
                        const std::string& applicantId) {
  ChainReview review;
  const Chain* chain = policy.findChain(chainId);
  if (chain == nullptr) {
    review.findings.push_back(
        {0, "policy.unknown-chain",
         "rule unknown-chain: approval chain '" + chainId + "' is not in the policy " + policy.sourceFile});
    return review;
  }
  std::vector<SignedStep> before;
  for (std::size_t i = 0; i < signedSteps.size(); ++i) {
    const SignedStep& done = signedSteps[i];
    try {
      Authorisation allowed = authorise(policy, chainId, before, done.personId, done.stepId,
                                        i < times.size() ? times[i] : 0, applicantId);
      std::string actingFor = allowed.actingFor ? allowed.actingFor->id : std::string();
      if (actingFor != done.actingFor) {
        review.findings.push_back({i, "policy.acting-mismatch",
                                   "signature " + std::to_string(i + 1) + " (" + done.stepId +
                                       ") claims to act for '" + done.actingFor +
                                       "' but the policy's delegations give '" + actingFor + "'"});
      }
    } catch (const Error& refused) {
      review.findings.push_back({i, refused.code(), refused.what()});
    }
    before.push_back(done);
  }
  for (const Step& step : chain->steps) {
    if (!step.optional && findSigned(signedSteps, step.id) == nullptr) {
      review.missingSteps.push_back(step.id);
    }
  }
  return review;
}

std::vector<std::string> acceptedCertificates(const Policy& policy, const Step& step,
                                              const std::string& personId) {
  const std::vector<Credential>* credentials = nullptr;
  if (!step.seal.empty()) {
    if (const Seal* seal = policy.findSeal(step.seal)) {
      credentials = &seal->credentials;
    }
  } else if (const Person* person = policy.findPerson(personId)) {
    credentials = &person->credentials;
  }
  std::vector<std::string> paths;
  if (credentials != nullptr) {
    for (const Credential& credential : *credentials) {
      paths.push_back(credential.certificatePath);
    }
  }
  return paths;
}

}  // namespace gongwen::policy
