#pragma once
// Verifies every signature of a signed PDF: byte-range integrity, CMS digest and signature, signer
// certificate and its chain to the trust anchors at signing time, the revocation status of that
// chain (signing/verify/RevocationCheck.h), what later revisions changed,
// and (with a policy) who signed which step and whether the approval chain is complete and in order.
// Validation never imports signing code.

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/PdfParser.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/SignatureCheckCache.h"
#include "signing/verify/VerificationReport.h"

namespace gongwen::verify {

struct VerifyOptions {
  const policy::Policy* policy = nullptr;     // people, chains and trust anchors; optional
  std::vector<std::string> trustAnchorFiles;  // PEM roots in addition to the policy's
  std::string sm2UserId = std::string(kDefaultSm2UserId);
  std::string registerPath;  // seal-use register to check seals against; empty = the policy's
  pdf::Limits limits;        // bounds of the PDF reader
  // Where the policy's certificates and the trust anchors are read from when many documents are
  // verified in one process; null: read for each verification.
  cms::CertificateCache* certificateCache = nullptr;
  // Verification time (`verify --at`; default now): revocation answers must be current then, a
  // signature whose signing time no timestamp proves needs a certificate valid then, and a
  // certificate expired by then counts only through validation data a document timestamp secured in
  // the file.
  std::optional<std::time_t> at;
  // `verify --offline`: revocation only from the file and the policy's CRLs, nothing fetched.
  bool offline = false;
  // Signatures this process checked already (SignatureCheckCache.h): their CMS and timestamp token
  // checks are reused, the chain and revocation checked again at `at`. Used only with a certificate
  // cache. Null: every signature is checked in full.
  SignatureCheckCache* signatureChecks = nullptr;
  // Receives the document as verification read it, when set: `sign` writes its revision on the very
  // reading the verifier judged, without reading the file a second time.
  std::shared_ptr<const pdf::Document>* keepDocument = nullptr;
};

// Throws Error(InputInvalid, "pdf.*") when the file is not a readable PDF.
Report verifyPdf(std::string bytes, const std::string& fileName, const VerifyOptions& options);
// Reads `path` first (Error(System, "io.read") when it cannot).
Report verifyFile(const std::string& path, const VerifyOptions& options);

}  // namespace gongwen::verify
