#include "signing/verify/DocumentClaims.h"

#include <set>

#include "pipeline/core/Error.h"

namespace gongwen::verify {
namespace {

using pdf::Object;

// The Info dictionary as of `revision`; a null object when the trailer has none.
Object infoAt(const pdf::Document& document, size_t revision) {
  const Object* info = document.revisions()[revision].trailer.get("Info");
  return info ? document.resolve(*info, revision) : Object{};
}

bool isClaim(const std::string& key) { return key.rfind("Gongwen", 0) == 0; }

std::set<std::string> claimKeys(const Object& info) {
  std::set<std::string> keys;
  if (info.isDictLike()) {
    for (const auto& [key, value] : *info.dict) {
      if (isClaim(key)) keys.insert(key);
    }
  }
  return keys;
}

// The Gongwen* keys whose values differ between two versions of the Info dictionary.
std::vector<std::string> changedClaims(const Object& before, const Object& after, const std::string& bytes) {
  std::set<std::string> keys = claimKeys(before);
  const std::set<std::string> later = claimKeys(after);
  keys.insert(later.begin(), later.end());
  std::vector<std::string> changed;
  for (const std::string& key : keys) {
    const Object* a = before.get(key);
    const Object* b = after.get(key);
    if (!a || !b || !sameValue(*a, *b, bytes)) changed.push_back("/" + key);
  }
  return changed;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

}  // namespace

policy::DocumentClaims readDocumentClaims(const pdf::Document& document) {
  const Object info = infoAt(document, 0);
  policy::DocumentClaims claims;
  claims.templateId = pdf::textOf(info.get("GongwenTemplate"));
  if (const Object* issuers = info.get("GongwenIssuers"); issuers && issuers->is(Object::Kind::Array)) {
    for (const Object& issuer : *issuers->array) claims.issuers.push_back(pdf::textOf(&issuer));
  }
  claims.chain = pdf::textOf(info.get("GongwenChain"));
  claims.applicant = pdf::textOf(info.get("GongwenApplicant"));
  claims.leaveKind = pdf::textOf(info.get("GongwenLeaveKind"));
  if (const Object* days = info.get("GongwenLeaveDays"); days && days->is(Object::Kind::Number)) {
    claims.leaveDays = days->number;
  }
  return claims;
}

std::vector<Problem> claimChanges(const pdf::Document& document) {
  std::vector<Problem> problems;
  const auto& revisions = document.revisions();
  for (size_t r = 1; r < revisions.size(); ++r) {
    const std::string revision = "revision " + std::to_string(r + 1);
    // A file without an Info dictionary gets one when it is signed; only replacing one is suspect.
    const Object* before = revisions[r - 1].trailer.get("Info");
    const Object* now = revisions[r].trailer.get("Info");
    if (before != nullptr && (now == nullptr || !sameValue(*before, *now, document.bytes()))) {
      problems.push_back({"policy.claims-changed",
                          revision +
                              " replaces the trailer's /Info, which holds what the document claims "
                              "to be; the claims of the original as rendered are the ones that count"});
      continue;
    }
    const std::vector<std::string> changed =
        changedClaims(infoAt(document, r - 1), infoAt(document, r), document.bytes());
    if (!changed.empty()) {
      problems.push_back({"policy.claims-changed",
                          revision + " changes " + joined(changed) +
                              " of the Info dictionary; what a document claims to be (its template, "
                              "issuers, approval chain, applicant) cannot change after it was rendered"});
    }
  }
  return problems;
}

}  // namespace gongwen::verify
