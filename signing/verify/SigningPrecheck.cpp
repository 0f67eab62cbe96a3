#include "signing/verify/SigningPrecheck.h"

namespace gongwen::verify {
namespace {

bool isPolicyFinding(const Problem& problem) { return problem.code.rfind("policy.", 0) == 0; }

// Findings that only say the chain is not finished yet: what signing is for.
bool expectedBeforeSigning(const Problem& problem) {
  return problem.code == "signature.none" || problem.code == "policy.chain-incomplete";
}

struct Found {
  std::string where;
  const Problem* problem = nullptr;
  size_t count = 0;
};

// The first problem of the kind `wanted` selects, signatures in signing order first; before signing,
// the findings that only say the chain is unfinished are left out.
template <typename Wanted>
Found firstProblem(const Report& report, Wanted wanted, bool chainFinished = false) {
  Found found;
  const auto consider = [&](const std::string& where, const Problem& problem) {
    if ((!chainFinished && expectedBeforeSigning(problem)) || !wanted(problem)) return;
    if (++found.count == 1) {
      found.where = where;
      found.problem = &problem;
    }
  };
  for (size_t i = 0; i < report.signatures.size(); ++i) {
    const SignatureReport& s = report.signatures[i];
    const std::string where = "signature " + std::to_string(i + 1) + " of " +
                              std::to_string(report.signatures.size()) + " (step " + s.step + ", field \"" +
                              s.field + "\")";
    for (const auto& problem : s.problems) consider(where, problem);
  }
  for (size_t i = 0; i < report.documentTimestamps.size(); ++i) {
    const DocumentTimestampReport& t = report.documentTimestamps[i];
    const std::string where = "document timestamp " + std::to_string(i + 1) + " (field \"" + t.field + "\")";
    for (const auto& problem : t.problems) consider(where, problem);
  }
  for (const auto& problem : report.documentProblems) consider("the document", problem);
  return found;
}

Error refusal(ExitCode exit, const std::string& code, const Report& report, const Found& found,
              const std::string& whatToDo) {
  const std::string more =
      found.count > 1 ? " (and " + std::to_string(found.count - 1) + " more problem(s))" : "";
  return Error(exit, code,
               report.file + ": " + found.where + " does not hold: " + found.problem->code + ": " +
                   found.problem->message + more + "; " + whatToDo);
}

std::optional<Error> unparsableRevision(const Report& report) {
  for (const auto& revision : report.revisions) {
    for (const auto& change : revision.changes) {
      if (change.code == "modified.unparsable-object")
        return inputError("pdf.syntax", report.file + ": revision " + std::to_string(change.revision) + ": " +
                                            change.description + "; the file is damaged");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> signingRefusal(const Report& report) {
  const std::string whatToDo =
      "sign only a document `gongwen verify --policy` accepts up to its missing steps";
  const Found broken = firstProblem(report, [](const Problem& p) { return !isPolicyFinding(p); });
  if (broken.problem)
    return refusal(ExitCode::SignatureInvalid, "sign.input-does-not-verify", report, broken, whatToDo);
  const Found refused = firstProblem(report, isPolicyFinding);
  // A policy finding is refused under its own rule's code, as `authorise` would refuse the step.
  if (refused.problem)
    return refusal(ExitCode::PolicyRefused, refused.problem->code, report, refused, whatToDo);
  return unparsableRevision(report);
}

std::optional<Error> archivingRefusal(const Report& report, const std::string& whatToDo) {
  const Found broken = firstProblem(
      report, [](const Problem& p) { return !isPolicyFinding(p); }, true);
  if (broken.problem)
    return refusal(ExitCode::SignatureInvalid, "archive.does-not-verify", report, broken, whatToDo);
  const Found refused = firstProblem(report, isPolicyFinding, true);
  if (refused.problem)
    return refusal(ExitCode::PolicyRefused, refused.problem->code, report, refused, whatToDo);
  return unparsableRevision(report);
}

}  // namespace gongwen::verify
