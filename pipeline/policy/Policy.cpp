#include "pipeline/policy/Policy.h"

#include <algorithm>

#include "pipeline/core/Error.h"

namespace gongwen::policy {

namespace {

template <typename T>
const T* findById(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool Person::hasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const Step* Chain::findStep(const std::string& stepId) const { return findById(steps, stepId); }

const Person* Policy::findPerson(const std::string& id) const { return findById(people, id); }
const Seal* Policy::findSeal(const std::string& id) const { return findById(seals, id); }
const Seal* Policy::signatureSealOf(const std::string& personId) const {
  auto it = std::find_if(seals.begin(), seals.end(), [&](const Seal& s) {
    return s.kind == Seal::Kind::Signature && s.owner == personId;
  });
  return it == seals.end() ? nullptr : &*it;
}
const Chain* Policy::findChain(const std::string& id) const { return findById(chains, id); }

const Credential& selectCredential(const std::vector<Credential>& credentials, const std::string& id,
                                   const std::string& holder) {
  if (credentials.empty()) {
    throw usageError("policy.unknown-credential", holder + " has no credential in the policy");
  }
  if (id.empty()) {
    return credentials.front();
  }
  if (const Credential* found = findById(credentials, id)) {
    return *found;
  }
  std::string known;
  for (const Credential& credential : credentials) {
    known += (known.empty() ? "" : ", ") + credential.id;
  }
  throw usageError("policy.unknown-credential",
                   holder + " has no credential '" + id + "' in the policy; choose one of: " + known);
}

}  // namespace gongwen::policy
