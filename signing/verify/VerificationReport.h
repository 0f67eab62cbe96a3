#pragma once
// The outcome of verifying a signed PDF: one record per signature with separate verdicts (intact,
// signature valid, trusted, unchanged since), the revisions and what each changed, and the
// document-level findings (policy chain). ok() is the bottom line; chainLeftUnchecked() says that
// the approval chain a document claims was not checked (no policy given).

#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/verify/CmsCheck.h"
#include "signing/verify/RevisionDiff.h"

namespace gongwen::verify {

struct SignatureReport {
  std::string field;          // signature field name
  int signatureObject = 0;    // object number of the signature dictionary
  size_t revision = 0;        // 1-based revision this signature covers
  std::string subject;        // signer certificate subject (UTF-8)
  std::string step;           // /GongwenStep as written
  std::string claimedPerson;  // /GongwenPerson as written (never trusted for identity)
  std::string actingFor;      // /GongwenActingFor, when delegated
  std::string personId;       // policy person (or seal) whose certificate signed, "" when unknown/no policy
  std::string personName;
  std::string role;
  std::string signingTime;  // ISO 8601 UTC
  std::string timeSource;   // "timestamp", "signingTime attribute", "/M (claimed)"
  std::string algorithm;
  bool byteRangeOk = false;
  bool digestOk = false;
  bool signatureOk = false;
  bool signingCertificateOk = false;
  bool signingCertificatePresent = false;
  std::string subFilter;    // ETSI.CAdES.detached (PAdES), adbe.pkcs7.detached, …
  std::string trust;        // "trusted", "not checked (no trust anchors)" or why not
  long long sealUse = 0;    // seal: the seal-use register row it names (/GongwenSealUse), 0 when none
  std::string sealUseHash;  // and that row's hash as the seal signed it
  std::vector<Change> laterChanges;  // disallowed changes made by later revisions
  std::vector<Problem> problems;     // every reason this signature fails
  bool valid() const { return problems.empty(); }
};

struct RevisionReport {
  size_t number = 0;  // 1-based
  size_t end = 0;     // byte offset where it ends
  std::vector<Change> changes;
};

struct Report {
  std::string file;
  policy::DocumentClaims claims;  // what the document as rendered says it is: its chain follows from it
  std::vector<SignatureReport> signatures;
  std::vector<RevisionReport> revisions;
  std::vector<std::string> missingSteps;
  std::vector<Problem> documentProblems;
  bool chainChecked = false;  // signers and the approval chain were checked against a policy
  bool ok() const;
  // The document claims an approval chain (or a template that has one) that nobody checked.
  bool chainLeftUnchecked() const {
    return !chainChecked && (!claims.chain.empty() || !claims.templateId.empty());
  }
};

}  // namespace gongwen::verify
