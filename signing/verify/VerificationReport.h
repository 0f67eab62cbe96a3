#pragma once
// The outcome of verifying a signed PDF: one record per signature with separate verdicts (intact,
// signature valid, trusted, unchanged since), the revisions and what each changed, and the
// document-level findings (policy chain). ok() is the bottom line; chainLeftUnchecked() says that
// the approval chain a document claims was not checked (no policy given).

#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/verify/CmsCheck.h"
#include "signing/verify/DocumentTimestamps.h"
#include "signing/verify/RevisionDiff.h"
#include "signing/verify/RevocationCheck.h"

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
  std::string timeSource;   // "timestamp", "document timestamp", "signingTime attribute", "/M (claimed)"
  std::string level;        // PAdES baseline level reached: "B-B", "B-T", "B-LT" or "B-LTA"
  std::string algorithm;
  bool byteRangeOk = false;
  bool digestOk = false;
  bool signatureOk = false;
  bool signingCertificateOk = false;
  bool signingCertificatePresent = false;
  std::string subFilter;                          // ETSI.CAdES.detached (PAdES), adbe.pkcs7.detached, …
  std::string trust;                              // "trusted", "not checked (no trust anchors)" or why not
  std::string validatedAt;                        // ISO 8601 UTC: the verification time (--at, default now)
  std::vector<CertificateRevocation> revocation;  // signer first, up to the trust anchor
  std::vector<std::string> notes;                 // e.g. revoked after signing: still valid
  long long sealUse = 0;    // seal: the seal-use register row it names (/GongwenSealUse), 0 when none
  std::string sealUseHash;  // and that row's hash as the seal signed it
  // For long-term validation data: the /VRI key of its /Contents, and the certificates (DER) it
  // rests on: its chain to the anchor and its signature timestamp authority's.
  std::string vriKey;
  std::vector<std::string> validationCertificates;
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
  std::vector<DocumentTimestampReport> documentTimestamps;  // in the order of the revisions they cover
  // Every CRL and OCSP response (DER) the verification had, from the file, the policy or fetched:
  // what an extension for long-term validation embeds.
  std::vector<std::string> crls;
  std::vector<std::string> ocspResponses;
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
