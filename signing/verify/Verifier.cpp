#include "signing/verify/Verifier.h"

#include <algorithm>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/UtcTime.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/ByteRangeCheck.h"
#include "signing/verify/DocumentClaims.h"
#include "signing/verify/PdfDate.h"
#include "signing/verify/PolicyReview.h"
#include "signing/verify/SealUseCheck.h"
#include "signing/verify/SignatureCheckCache.h"
#include "signing/verify/SignatureFields.h"

namespace gongwen::verify {
namespace {

using pdf::Object;
using StorePtr = cms::OpenSslPtr<X509_STORE, X509_STORE_free>;

std::string subjectOf(X509* cert) {
  cms::BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

std::vector<std::string> trustAnchorFiles(const VerifyOptions& options) {
  std::vector<std::string> files = options.trustAnchorFiles;
  if (options.policy)
    files.insert(files.end(), options.policy->trustAnchors.begin(), options.policy->trustAnchors.end());
  return files;
}

StorePtr trustStore(const VerifyOptions& options, const std::vector<std::string>& files) {
  StorePtr store(X509_STORE_new());
  for (const auto& file : files) {
    std::vector<cms::X509Ptr> read;
    const std::vector<cms::X509Ptr>& certificates = options.certificateCache
                                                        ? options.certificateCache->certificates(file)
                                                        : (read = cms::readPemCertificates(file));
    if (certificates.empty())
      throw inputError("verify.trust-anchor",
                       "cannot read the trust anchor " + file + "; give a PEM certificate");
    for (const auto& certificate : certificates) X509_STORE_add_cert(store.get(), certificate.get());
  }
  return store;
}

struct Checked {
  SignatureReport report;
  cms::X509Ptr signer;
  std::time_t time = 0;
  size_t signedEnd = 0;
};

SignedFacts checkSigned(const SignedInputs& in, X509_STORE* store, const VerifyOptions& options) {
  SignedFacts sig;
  CmsFacts facts = checkCms(in.contents, in.covered, options.sm2UserId);
  sig.algorithm = facts.algorithm;
  sig.digestOk = facts.digestMatches;
  sig.signatureOk = facts.signatureValid;
  sig.signingCertificateOk = facts.signingCertificateV2Matches;
  sig.problems = std::move(facts.problems);
  if (!facts.signer) return sig;
  sig.subject = subjectOf(facts.signer.get());

  const size_t anchors = in.anchorFiles->size();
  const auto claimed = parsePdfDate(std::string(in.claimedTime));
  if (facts.timestampTime) {
    sig.time = *facts.timestampTime;
    sig.timeSource = "timestamp";
    if (anchors > 0) {
      const std::string why = checkTimestamp(facts.timestampDer, facts.signatureValue, store);
      if (!why.empty()) sig.problems.push_back({"timestamp.invalid", why});
    }
  } else if (facts.signingTimeAttribute) {
    sig.time = *facts.signingTimeAttribute;
    sig.timeSource = "signingTime attribute";
  } else if (claimed) {
    sig.time = *claimed;
    sig.timeSource = "/M (claimed)";
  } else {
    sig.time = std::time(nullptr);
    sig.timeSource = "none given (checked now)";
    sig.checkedNow = true;
  }
  sig.signingTime = formatUtcTime(sig.time);

  if (anchors == 0) {
    // A signature nobody vouches for proves nothing about who made it: without anchors, no pass.
    sig.trust = "not checked (no trust anchors given)";
    sig.problems.push_back({"certificate.no-trust-anchor", "no trust anchor to check \"" + sig.subject +
                                                               "\" against; give --policy or --trust"});
  } else {
    const std::string why = checkChain(facts.signer.get(), facts.certificates.get(), store, sig.time);
    sig.trust = why.empty() ? "trusted" : why;
    if (!why.empty()) {
      sig.problems.push_back(
          {"certificate.untrusted",
           "the signer certificate \"" + sig.subject + "\" is not valid at " + sig.signingTime + ": " + why});
    }
  }
  sig.signer = std::move(facts.signer);
  return sig;
}

Checked checkSignature(const pdf::Document& doc, const SignatureField& field, X509_STORE* store,
                       const std::vector<std::string>& anchorFiles, const VerifyOptions& options) {
  Checked checked;
  SignatureReport& sig = checked.report;
  sig.field = field.name;
  sig.signatureObject = field.signatureObject;
  const size_t last = doc.revisions().size() - 1;
  const Object dict = doc.object(field.signatureObject, last).value_or(Object{});
  sig.step = pdf::textOf(dict.get("GongwenStep"));
  sig.claimedPerson = pdf::textOf(dict.get("GongwenPerson"));
  sig.actingFor = pdf::textOf(dict.get("GongwenActingFor"));

  ByteRangeResult range = checkByteRange(doc, dict);
  sig.byteRangeOk = range.problems.empty();
  sig.revision = range.revision ? *range.revision + 1 : 0;
  checked.signedEnd = range.end;
  sig.problems = std::move(range.problems);
  if (range.covered.empty()) return checked;

  const std::string claimedTime = pdf::textOf(dict.get("M"));
  const SignedInputs inputs{dict.get("Contents")->text, range.covered, claimedTime, options.sm2UserId,
                            &anchorFiles};
  // The anchors' contents are fixed for the process only when they are read once (a certificate cache).
  SignatureCheckCache* cache = options.certificateCache ? options.signatureChecks : nullptr;
  SignedFacts facts;
  if (cache == nullptr || !cache->find(inputs, facts)) {
    facts = checkSigned(inputs, store, options);
    if (cache != nullptr) cache->add(inputs, facts);
  }
  sig.algorithm = std::move(facts.algorithm);
  sig.digestOk = facts.digestOk;
  sig.signatureOk = facts.signatureOk;
  sig.signingCertificateOk = facts.signingCertificateOk;
  sig.problems.insert(sig.problems.end(), facts.problems.begin(), facts.problems.end());
  sig.subject = std::move(facts.subject);
  sig.timeSource = std::move(facts.timeSource);
  sig.signingTime = std::move(facts.signingTime);
  sig.trust = std::move(facts.trust);
  checked.time = facts.time;
  checked.signer = std::move(facts.signer);
  return checked;
}

// Bytes after the last %%EOF that are not just line ends: unsigned content a reader may still use.
bool hasTrailingData(const pdf::Document& doc) {
  const size_t end = doc.revisions().back().endAfterEol;
  return doc.bytes().find_first_not_of(" \r\n\t\f", end) != std::string::npos;
}

void addLaterChanges(const Report& report, const std::vector<Change>& trailing, SignatureReport& sig) {
  for (const auto& revision : report.revisions) {
    if (revision.number <= sig.revision) continue;
    for (const auto& change : revision.changes) {
      if (!change.allowed()) sig.laterChanges.push_back(change);
    }
  }
  sig.laterChanges.insert(sig.laterChanges.end(), trailing.begin(), trailing.end());
  if (!sig.laterChanges.empty()) {
    sig.problems.push_back(
        {"modified.after-signing", std::to_string(sig.laterChanges.size()) +
                                       " change(s) after this signature are not allowed, first: revision " +
                                       std::to_string(sig.laterChanges.front().revision) + ": " +
                                       sig.laterChanges.front().description});
  }
}

}  // namespace

bool Report::ok() const {
  if (signatures.empty() || !documentProblems.empty()) return false;
  return std::all_of(signatures.begin(), signatures.end(),
                     [](const SignatureReport& s) { return s.valid(); });
}

Report verifyPdf(std::string bytes, const std::string& fileName, const VerifyOptions& options) {
  const pdf::Document doc(std::move(bytes), fileName, options.limits);
  Report report;
  report.file = fileName;
  for (size_t r = 0; r < doc.revisions().size(); ++r) {
    report.revisions.push_back(
        {r + 1, doc.revisions()[r].endAfterEol, r > 0 ? diffRevision(doc, r) : std::vector<Change>{}});
  }
  std::vector<Change> trailing;
  if (hasTrailingData(doc)) {
    trailing.push_back({doc.revisions().size() + 1, 0, 0, "modified.trailing-bytes",
                        "bytes were appended after the last %%EOF without a revision"});
  }

  const std::vector<std::string> anchorFiles = trustAnchorFiles(options);
  const StorePtr store = trustStore(options, anchorFiles);
  std::vector<Checked> checked;
  for (const auto& field : findSignatureFields(doc)) {
    checked.push_back(checkSignature(doc, field, store.get(), anchorFiles, options));
  }
  std::stable_sort(checked.begin(), checked.end(),
                   [](const Checked& a, const Checked& b) { return a.signedEnd < b.signedEnd; });
  std::vector<X509*> signers;
  std::vector<std::time_t> times;
  for (auto& c : checked) {
    addLaterChanges(report, trailing, c.report);
    signers.push_back(c.signer.get());
    times.push_back(c.time);
    report.signatures.push_back(std::move(c.report));
  }
  if (report.signatures.empty()) {
    report.documentProblems.push_back({"signature.none", fileName + " holds no signature"});
  }
  // As rendered, not as a later revision may say: nothing appended can re-route the chain.
  report.claims = readDocumentClaims(doc);
  const std::vector<Problem> claimsChanged = claimChanges(doc);
  report.documentProblems.insert(report.documentProblems.end(), claimsChanged.begin(), claimsChanged.end());
  if (options.policy) {
    reviewAgainstPolicy(*options.policy, signers, times, report, options.certificateCache);
    checkSealUses(doc, options, report);
  }
  return report;
}

Report verifyFile(const std::string& path, const VerifyOptions& options) {
  return verifyPdf(readInput(path, InputKind::Pdf), path, options);
}

}  // namespace gongwen::verify
