#include "signing/verify/Verifier.h"

#include <openssl/pem.h>

#include <algorithm>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/UtcTime.h"
#include "signing/cms/PemCertificates.h"
#include "signing/verify/ByteRangeCheck.h"
#include "signing/verify/DocumentClaims.h"
#include "signing/verify/LongTermValidation.h"
#include "signing/verify/PdfDate.h"
#include "signing/verify/PolicyReview.h"
#include "signing/verify/RevocationCheck.h"
#include "signing/verify/SealUseCheck.h"
#include "signing/verify/SignatureCheckCache.h"
#include "signing/verify/SignatureFields.h"

namespace gongwen::verify {
namespace {

using pdf::Object;

std::vector<std::string> trustAnchorFiles(const VerifyOptions& options) {
  std::vector<std::string> files = options.trustAnchorFiles;
  if (options.policy)
    files.insert(files.end(), options.policy->trustAnchors.begin(), options.policy->trustAnchors.end());
  return files;
}

// The trust anchors, checked to be PEM certificates at once but decoded only when a signature needs
// them: OpenSSL 3.0 decodes each certificate's public key through its provider machinery, and a
// document without a signature yet (the first step of every chain, which `sign` verifies first)
// needs none.
class TrustStore {
 public:
  TrustStore(const VerifyOptions& options, const std::vector<std::string>& files)
      : options_(options), files_(files) {
    for (const auto& file : files) {
      // Without a cache the encodings are kept: a signature decodes them without reading the file again.
      if (!options.certificateCache) encodings_.push_back(cms::readPemCertificateEncodings(file));
      const bool holdsOne = options.certificateCache ? !options.certificateCache->encodings(file).empty()
                                                     : !encodings_.back().empty();
      if (!holdsOne) unreadable(file);
    }
  }

  X509_STORE* get() {
    if (!store_) store_ = decoded();
    return store_.get();
  }

 private:
  [[noreturn]] static void unreadable(const std::string& file) {
    throw inputError("verify.trust-anchor",
                     "cannot read the trust anchor " + file + "; give a PEM certificate");
  }

  cms::X509StorePtr decoded() const {
    cms::X509StorePtr store(X509_STORE_new());
    for (size_t i = 0; i < files_.size(); ++i) {
      std::vector<cms::X509Ptr> parsed;
      const std::vector<cms::X509Ptr>& certificates = options_.certificateCache
                                                          ? options_.certificateCache->certificates(files_[i])
                                                          : (parsed = cms::parseCertificates(encodings_[i]));
      if (certificates.empty()) unreadable(files_[i]);
      for (const auto& certificate : certificates) X509_STORE_add_cert(store.get(), certificate.get());
    }
    return store;
  }

  const VerifyOptions& options_;
  const std::vector<std::string>& files_;
  std::vector<std::vector<std::string>> encodings_;  // per file, when there is no cache
  cms::X509StorePtr store_;
};

struct Checked {
  SignatureReport report;
  cms::X509Ptr signer;
  std::time_t time = 0;
  size_t signedEnd = 0;
  LongTermSubject longTerm;
};

// The earliest valid document timestamp covering a revision after `revision` (1-based), if any.
const DocumentTimestampReport* earliestCovering(const std::vector<DocumentTimestampReport>& timestamps,
                                                size_t revision) {
  const DocumentTimestampReport* earliest = nullptr;
  for (const auto& t : timestamps) {
    if (t.valid() && t.revision > revision && (earliest == nullptr || t.genTime < earliest->genTime))
      earliest = &t;
  }
  return earliest;
}

// The chain's certificates (DER) into `all`, and into the subject those a long-term verifier needs
// besides the trust anchor, with when the first of the chain (anchor included) expires.
void describeChain(STACK_OF(X509) * chain, LongTermSubject& subject, std::vector<std::string>& all) {
  const int count = chain != nullptr ? sk_X509_num(chain) : 0;
  for (int i = 0; i < count; ++i) {
    X509* certificate = sk_X509_value(chain, i);
    const std::time_t expires = toTime(X509_get0_notAfter(certificate)).value_or(0);
    if (subject.chainExpires == 0 || expires < subject.chainExpires) subject.chainExpires = expires;
    all.push_back(cms::encodingOf(certificate));
    if (i + 1 < count) subject.chain.push_back(all.back());
  }
}

// The CRL files the policy names, read now so that a missing or unreadable one is an error, not an
// "unknown" status later.
ValidationData validationData(const VerifyOptions& options) {
  ValidationData data;
  data.at = options.at.value_or(std::time(nullptr));
  data.offline = options.offline;
  if (!options.policy) return data;
  for (const auto& file : options.policy->crlFiles) {
    // Through InputFile: a FIFO or a device named here is refused at once, not waited on.
    const std::string bytes = readInput(file, InputKind::Crl);
    cms::BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    cms::CrlPtr crl(bio ? PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!crl) {
      const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
      crl.reset(d2i_X509_CRL(nullptr, &cursor, static_cast<long>(bytes.size())));
    }
    unsigned char* der = nullptr;
    const int length = crl ? i2d_X509_CRL(crl.get(), &der) : -1;
    ERR_clear_error();
    if (length <= 0)
      throw inputError("verify.crl",
                       "cannot read the CRL " + file + " the policy names; give a PEM or DER CRL");
    data.crls.push_back({std::string(reinterpret_cast<char*>(der), static_cast<size_t>(length)),
                         ValidationSource::Policy, file});
    OPENSSL_free(der);
  }
  return data;
}

// Chain, then revocation. Without a timestamp the signing time is only claimed, so the certificate
// must also hold at the verification time and a revocation counts from then on. Once the chain has
// expired by the verification time, revocation is judged as of the document timestamp that secured
// the signature's validation data: no CA answers for an expired certificate any more.
void checkCertificate(const CmsFacts& facts, X509_STORE* store, ValidationData& data,
                      const std::vector<DocumentTimestampReport>& timestamps, SecurityStores& stores,
                      Checked& checked) {
  SignatureReport& sig = checked.report;
  sig.validatedAt = formatUtcTime(data.at);
  cms::X509StackPtr chain;
  std::string why = checkChain(facts.signer.get(), facts.certificates.get(), store, checked.time, &chain);
  std::string at = sig.signingTime;
  const bool timeProven = checked.longTerm.timestamped;
  if (why.empty() && !timeProven && data.at != checked.time) {
    why = checkChain(facts.signer.get(), facts.certificates.get(), store, data.at, &chain);
    at = sig.validatedAt + " (the verification time: no timestamp proves the signing time)";
  }
  sig.trust = why.empty() ? "trusted" : why;
  if (!why.empty()) {
    sig.problems.push_back({"certificate.untrusted", "the signer certificate \"" + sig.subject +
                                                         "\" is not valid at " + at + ": " + why});
    return;
  }
  describeChain(chain.get(), checked.longTerm, sig.validationCertificates);
  const std::time_t verificationTime = data.at;
  if (checked.longTerm.chainExpires != 0 && verificationTime > checked.longTerm.chainExpires) {
    if (const DocumentTimestampReport* secured = securingTimestamp(checked.longTerm, timestamps, stores))
      data.at = secured->genTime;
  }
  sig.revocation = checkRevocation(chain.get(), data);
  data.at = verificationTime;
  RevocationVerdict verdict = judgeRevocation(sig.revocation, timeProven ? checked.time : data.at);
  sig.problems.insert(sig.problems.end(), verdict.problems.begin(), verdict.problems.end());
  sig.notes = std::move(verdict.notes);
}

SignedChecks checkSigned(const SignedInputs& in, X509_STORE* store) {
  SignedChecks checks;
  checks.cms = checkCms(in.contents, in.covered, in.sm2UserId, in.requireSigningCertificateV2, in.digests);
  if (checks.cms.signer && !checks.cms.timestampDer.empty())
    checks.timestamp = checkTimestampToken(checks.cms.timestampDer, {checks.cms.signatureValue}, store);
  return checks;
}

// The CMS and timestamp token checks, from `options.signatureChecks` when made for the same inputs.
SignedChecks checkSignedOnce(const SignedInputs& in, X509_STORE* store, const VerifyOptions& options) {
  // The anchors' contents are fixed for the process only when they are read once (a certificate cache).
  SignatureCheckCache* cache = options.certificateCache ? options.signatureChecks : nullptr;
  if (cache == nullptr) return checkSigned(in, store);
  if (std::optional<SignedChecks> kept = cache->find(in)) return std::move(*kept);
  SignedChecks checks = checkSigned(in, store);
  cache->add(in, checks);
  return checks;
}

Checked checkSignature(const pdf::Document& doc, const SignatureField& field, const Object& dict,
                       X509_STORE* store, const std::vector<std::string>& anchorFiles, ValidationData& data,
                       const VerifyOptions& options, const std::vector<DocumentTimestampReport>& timestamps,
                       SecurityStores& stores, PrefixDigests& digests) {
  Checked checked;
  SignatureReport& sig = checked.report;
  sig.field = field.name;
  sig.signatureObject = field.signatureObject;
  sig.step = pdf::textOf(dict.get("GongwenStep"));
  sig.claimedPerson = pdf::textOf(dict.get("GongwenPerson"));
  sig.actingFor = pdf::textOf(dict.get("GongwenActingFor"));

  ByteRangeResult range = checkByteRange(doc, dict);
  sig.byteRangeOk = range.problems.empty();
  sig.revision = range.revision ? *range.revision + 1 : 0;
  checked.signedEnd = range.end;
  sig.problems = std::move(range.problems);
  if (range.covered.empty()) return checked;
  checked.longTerm.revision = sig.revision;
  checked.longTerm.vriKey = vriKey(dict.get("Contents")->text);

  const Object* subFilter = dict.get("SubFilter");
  sig.subFilter = subFilter && subFilter->is(Object::Kind::Name) ? subFilter->text : "";
  const SignedInputs inputs{dict.get("Contents")->text,
                            range.covered,
                            options.sm2UserId,
                            sig.subFilter != "adbe.pkcs7.detached",
                            &anchorFiles,
                            &digests};
  SignedChecks checks = checkSignedOnce(inputs, store, options);
  CmsFacts& facts = checks.cms;
  const size_t anchors = anchorFiles.size();
  sig.algorithm = facts.algorithm;
  sig.digestOk = facts.digestMatches;
  sig.signatureOk = facts.signatureValid;
  sig.signingCertificateOk = facts.signingCertificateV2Matches;
  sig.signingCertificatePresent = facts.signingCertificateV2Present;
  sig.problems.insert(sig.problems.end(), facts.problems.begin(), facts.problems.end());
  if (!facts.signer) return checked;
  sig.subject = subjectOf(facts.signer.get());

  const auto claimed = parsePdfDate(pdf::textOf(dict.get("M")));
  // The signature is validated at the earliest time a timestamp proves it existed.
  const DocumentTimestampReport* documentTimestamp = earliestCovering(timestamps, sig.revision);
  bool timestampValid = false;
  std::vector<std::string> authorityChain;
  if (checks.timestamp) {
    TimestampFacts& timestamp = *checks.timestamp;
    if (!timestamp.genTime) {
      sig.problems.push_back({"timestamp.malformed", "the signature timestamp token cannot be parsed"});
    } else {
      checked.time = *timestamp.genTime;
      sig.timeSource = "timestamp";
      // Without anchors the token's signature proves nothing, and the signature fails for that already.
      if (anchors > 0 && !timestamp.problem.empty())
        sig.problems.push_back({"timestamp.invalid", timestamp.problem});
      timestampValid = anchors > 0 && timestamp.problem.empty();
      authorityChain = std::move(timestamp.chain);
    }
  }
  if (documentTimestamp != nullptr && (!timestampValid || documentTimestamp->genTime < checked.time)) {
    checked.time = documentTimestamp->genTime;
    sig.timeSource = "document timestamp";
  } else if (sig.timeSource.empty()) {
    if (facts.signingTimeAttribute) {
      checked.time = *facts.signingTimeAttribute;
      sig.timeSource = "signingTime attribute";
    } else if (claimed) {
      checked.time = *claimed;
      sig.timeSource = "/M (claimed)";
    } else {
      checked.time = data.at;
      sig.timeSource = "none given (checked at the verification time)";
    }
  }
  checked.longTerm.timestamped = timestampValid || documentTimestamp != nullptr;
  sig.signingTime = formatUtcTime(checked.time);

  if (anchors == 0) {
    // A signature nobody vouches for proves nothing about who made it: without anchors, no pass.
    sig.trust = "not checked (no trust anchors given)";
    sig.problems.push_back({"certificate.no-trust-anchor", "no trust anchor to check \"" + sig.subject +
                                                               "\" against; give --policy or --trust"});
  } else {
    checkCertificate(facts, store, data, timestamps, stores, checked);
  }
  sig.vriKey = checked.longTerm.vriKey;
  sig.validationCertificates.insert(sig.validationCertificates.end(), authorityChain.begin(),
                                    authorityChain.end());
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
                     [](const SignatureReport& s) { return s.valid(); }) &&
         std::all_of(documentTimestamps.begin(), documentTimestamps.end(),
                     [](const DocumentTimestampReport& t) { return t.valid(); });
}

Report verifyPdf(std::string bytes, const std::string& fileName, const VerifyOptions& options) {
  const auto read = std::make_shared<const pdf::Document>(std::move(bytes), fileName, options.limits);
  if (options.keepDocument != nullptr) *options.keepDocument = read;
  const pdf::Document& doc = *read;
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
  TrustStore store(options, anchorFiles);
  ValidationData data = validationData(options);
  SecurityStores stores(doc);
  addToValidationData(stores.latest(), data);
  const size_t last = doc.revisions().size() - 1;
  std::vector<std::pair<SignatureField, Object>> signatureFields;
  for (auto& field : findSignatureFields(doc)) {
    Object dict = doc.object(field.signatureObject, last).value_or(Object{});
    if (isDocumentTimestamp(dict))
      report.documentTimestamps.push_back(checkDocumentTimestamp(doc, field, store.get()));
    else
      signatureFields.emplace_back(std::move(field), std::move(dict));
  }
  std::stable_sort(report.documentTimestamps.begin(), report.documentTimestamps.end(),
                   [](const DocumentTimestampReport& a, const DocumentTimestampReport& b) {
                     return a.revision < b.revision;
                   });
  checkTimestampRenewals(report.documentTimestamps, data.at);
  std::vector<Checked> checked;
  PrefixDigests digests(doc.bytes());
  for (const auto& [field, dict] : signatureFields) {
    Checked c = checkSignature(doc, field, dict, store.get(), anchorFiles, data, options,
                               report.documentTimestamps, stores, digests);
    LongTermVerdict longTerm = assessLongTerm(c.longTerm, report.documentTimestamps, stores, data.at);
    c.report.level = longTerm.level;
    c.report.problems.insert(c.report.problems.end(), longTerm.problems.begin(), longTerm.problems.end());
    checked.push_back(std::move(c));
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
  for (auto& item : data.crls) report.crls.push_back(std::move(item.der));
  for (auto& item : data.ocspResponses) report.ocspResponses.push_back(std::move(item.der));
  if (report.signatures.empty()) {
    report.documentProblems.push_back({"signature.none", fileName + " holds no signature"});
  }
  // As rendered, not as a later revision may say: nothing appended can re-route the chain.
  report.claims = readDocumentClaims(doc);
  const std::vector<Problem> claimsChanged = claimChanges(doc);
  report.documentProblems.insert(report.documentProblems.end(), claimsChanged.begin(), claimsChanged.end());
  if (options.policy) {
    reviewAgainstPolicy(*options.policy, signers, times, report, options.certificateCache);
    checkSealUses(doc, options, report, &digests);
  }
  return report;
}

Report verifyFile(const std::string& path, const VerifyOptions& options) {
  return verifyPdf(readInput(path, InputKind::Pdf), path, options);
}

}  // namespace gongwen::verify
