#include "pipeline/batch/DocumentPipeline.h"

#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <memory>
#include <utility>

#include "pipeline/archive/Bag.h"
#include "pipeline/archive/Digest.h"
#include "pipeline/archive/Ingest.h"
#include "pipeline/batch/NextSigner.h"
#include "pipeline/check/Checker.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/render/FormJob.h"
#include "pipeline/render/Renderer.h"
#include "signing/approve/ApprovalStep.h"
#include "signing/verify/SigningPrecheck.h"
#include "signing/verify/Verifier.h"

namespace gongwen::batch {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Times the stage it is made for and names it in the record, so that a failure says where.
class StageClock {
 public:
  StageClock(DocumentOutcome& outcome, const char* stage) : outcome_(outcome), start_(Clock::now()) {
    outcome.record.stage = stage;
  }
  ~StageClock() {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    for (StageTime& t : outcome_.timings)
      if (t.stage == outcome_.record.stage) {
        t.seconds += seconds;
        return;
      }
    outcome_.timings.push_back({outcome_.record.stage, seconds});
  }
  StageClock(const StageClock&) = delete;
  StageClock& operator=(const StageClock&) = delete;

 private:
  DocumentOutcome& outcome_;
  Clock::time_point start_;
};

std::string documentKey(const BatchContext& context, const std::string& jobBytes,
                        const std::string& templateFile) {
  std::string template_;
  if (!templateFile.empty()) template_ = readFile(templateFile);
  return archive::sha256Hex(archive::sha256Hex(jobBytes) + archive::sha256Hex(template_) +
                            context.sharedDigest);
}

void transition(const BatchContext& context, DocumentOutcome& outcome, DocumentState state) {
  outcome.record.state = state;
  outcome.record.updated = static_cast<std::int64_t>(std::time(nullptr));
  if (state != DocumentState::Waiting) {
    outcome.record.waitingFor.clear();
    outcome.record.waitingStep.clear();
    outcome.record.waitingPeople.clear();
  }
  if (state != DocumentState::Failed) {
    outcome.record.errorCode.clear();
    outcome.record.error.clear();
  }
  context.store.record(outcome.record);
}

// `checks` holds the document's signatures this process checked: each step verifies the whole
// document, and each signature's CMS and chain are checked once.
// `reading`, when given, receives the document as the verifier read it, for signing on.
verify::Report verifyCurrent(const BatchContext& context, const std::string& pdf, const std::string& name,
                             verify::SignatureCheckCache& checks,
                             std::shared_ptr<const verify::pdf::Document>* reading = nullptr) {
  verify::VerifyOptions options;
  options.policy = &context.policy;
  options.certificateCache = context.certificates;
  options.signatureChecks = &checks;
  options.keepDocument = reading;
  return verify::verifyPdf(pdf, name, options);
}

std::vector<policy::SignedStep> signedStepsOf(const verify::Report& report) {
  std::vector<policy::SignedStep> steps;
  for (const auto& s : report.signatures) steps.push_back({s.step, s.claimedPerson, s.actingFor});
  return steps;
}

// Whether a PDF of the work directory is whole: its revisions are written unflushed (a group of
// them is flushed before the archive takes them), and a power loss may leave one empty or cut short.
bool completeOnDisk(const std::string& pdf) {
  const std::size_t end = pdf.find_last_not_of(" \t\r\n");
  return end != std::string::npos && end >= 4 && pdf.compare(end - 4, 5, "%%EOF") == 0;
}

// The longest PDF in the folder that continues `current` (its bytes begin with current's): one a
// leader signed by hand, or one this batch wrote before it was stopped. Must hold up to signing.
std::optional<std::string> newerPdf(const BatchContext& context, const std::string& folder,
                                    const std::string& current, std::string& bytes,
                                    verify::SignatureCheckCache& checks) {
  std::optional<std::string> best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || entry.path().extension() != ".pdf" || !entry.is_regular_file(ec))
      continue;
    if (entry.file_size(ec) <= current.size() || (best && entry.file_size(ec) <= bytes.size())) continue;
    std::string candidate = readInput(entry.path().string(), InputKind::Pdf);
    if (candidate.compare(0, current.size(), current) != 0 || !completeOnDisk(candidate)) continue;
    best = entry.path().string();
    bytes = std::move(candidate);
  }
  if (best) {
    const verify::Report report = verifyCurrent(context, bytes, *best, checks);
    if (auto refused = verify::signingRefusal(report))
      throw Error(
          refused->exitCode(), refused->code(),
          std::string(refused->what()) + " (in " + *best +
              ", which continues this document: remove it, or sign the step again as the policy allows)");
  }
  return best;
}

std::string stepFileName(int signatures, const std::string& stepId) {
  char number[16];
  std::snprintf(number, sizeof number, "%02d", signatures);
  return std::string(number) + "-" + stepId + ".pdf";
}

class Pipeline {
 public:
  Pipeline(const BatchContext& context, const DocumentJob& job, ProcessedDocument& processed)
      : context_(context),
        job_(job),
        outcome_(processed.outcome),
        record_(processed.outcome.record),
        toArchive_(processed.toArchive) {}

  // Up to the render: the document's key (which needs the job loaded) and, for a new one, its PDF.
  void start();
  void sign();
  // Verified in full: prepared for the archive (archiveDocuments places it).
  void prepareArchiving();

 private:
  void render(const model::Document& doc, const policy::Chain& chain);
  bool signNextStep(const verify::Report& report, std::shared_ptr<const verify::pdf::Document> reading);
  // Writes the revision held in memory (unwritten_) and records it.
  void writeHeld();
  const std::string& currentName() const { return unwritten_ ? *unwritten_ : record_.pdf; }

  const BatchContext& context_;
  const DocumentJob& job_;
  DocumentOutcome& outcome_;
  DocumentRecord& record_;
  std::optional<archive::PreparedDocument>& toArchive_;
  std::string folder_;
  std::string pdf_;  // the bytes of record_.pdf, or of unwritten_
  // A revision signed here and followed at once by the next approval is held in memory, not written:
  // a stop before the next one is written loses only signatures this process makes again, and
  // none registers anything. Written are the rendered PDF, every revision a document stops at
  // (waiting, finished), the approved one before its seal's row is registered (a rerun takes that
  // row again for the same bytes) and the sealed one at once. Set: where pdf_ is to be written.
  std::optional<std::string> unwritten_;
  bool ownerOnly_ = false;  // unwritten_'s mode: a classified document stays 0600 through its revisions
  // The verifier's report on pdf_ once no step is missing, with the SHA-256 of the bytes it is of:
  // the archive takes it instead of verifying them again.
  struct Verified {
    verify::Report report;
    std::string sha256;
  };
  std::optional<Verified> complete_;
  verify::SignatureCheckCache checks_;
};

void Pipeline::start() {
  const std::string jobBytes = readInput(job_.job, InputKind::Job);
  record_.job = job_.job;
  record_.source = job_.source;
  record_.relativePath = job_.relativePath;
  std::optional<model::Document> doc;
  std::optional<Error> loadError;
  try {
    doc.emplace(job::loadJob(job_.job));
  } catch (const Error& error) {
    loadError = error;
  }
  record_.key = documentKey(context_, jobBytes, doc ? doc->tmpl.sourceFile : "");
  if (auto known = context_.store.find(record_.key)) record_ = *known;
  // A failure is tried again: it may have been the keyring's, or a file since put right.
  if (record_.state == DocumentState::Failed) {
    record_.state = DocumentState::Pending;
    record_.errorCode.clear();
    record_.error.clear();
  }
  // A changed folder or file name is the same document: report it as it is called now.
  record_.job = job_.job;
  record_.source = job_.source;
  record_.relativePath = job_.relativePath;
  folder_ = documentFolder(context_.workDir, record_);
  if (record_.state == DocumentState::Done) {
    outcome_.alreadyDone = true;
    return;
  }
  // A recorded PDF the disk lost (a power loss) is as one removed: the document goes on from its
  // rendered PDF, and sign() adopts the longest whole revision that continues it; with that lost too,
  // it is rendered again (a seal registered for it then stays an attempted use).
  if (!record_.pdf.empty()) {
    for (const std::string& path :
         {record_.pdf, (fs::path(folder_) / stepFileName(0, "rendered")).string()}) {
      std::error_code ec;
      if (!fs::exists(path, ec)) continue;
      std::string bytes = readInput(path, InputKind::Pdf);
      if (!completeOnDisk(bytes)) continue;
      record_.pdf = path;
      pdf_ = std::move(bytes);
      return;
    }
  }
  const StageClock clock(outcome_, "check");
  if (loadError) throw *loadError;
  const policy::Chain& chain = render::isForm(*doc) ? render::approveForm(*doc, &context_.policy)
                                                    : render::approveChain(*doc, context_.policy);
  const std::vector<check::Finding> findings = check::checkDocument(*doc);
  if (check::hasErrors(findings))
    throw Error(ExitCode::Findings, "check.findings",
                job_.job +
                    ": check found errors; correct them (gongwen check --fix does the certain ones)\n" +
                    check::formatFindings(findings));
  if (context_.dryRun) {
    outcome_.plan = "render, sign as the keyring allows, archive";
    return;
  }
  render(*doc, chain);
}

void Pipeline::render(const model::Document& doc, const policy::Chain& chain) {
  const StageClock clock(outcome_, "render");
  pdf_ = render::isForm(doc) ? render::renderFormJobToPdf(doc, context_.policy, chain, context_.fonts,
                                                          context_.fixedTime, nullptr)
                             : render::renderToPdf(doc, context_.fonts, context_.fixedTime, nullptr);
  fs::create_directories(folder_);
  record_.pdf = (fs::path(folder_) / stepFileName(0, "rendered")).string();
  record_.chain = chain.id;
  record_.signatures = 0;
  WriteOptions write;
  write.ownerOnly = doc.classification.has_value();  // 密级: never readable by others
  write.flush = false;                               // archiveDocuments flushes it
  write.replacesInput = true;                        // one the disk lost, read in start()
  writeFileAtomically(record_.pdf, pdf_, write);
  killPointForTests("batch-rendered");
  transition(context_, outcome_, DocumentState::Pending);
}

void Pipeline::sign() {
  if (outcome_.alreadyDone || (context_.dryRun && pdf_.empty())) return;
  const StageClock clock(outcome_, "sign");
  // Waiting is decided afresh: the step may have been signed by hand meanwhile.
  record_.state = DocumentState::Pending;
  std::string newer;
  if (auto adopted = newerPdf(context_, folder_, pdf_, newer, checks_)) {
    record_.pdf = *adopted;
    pdf_ = std::move(newer);
  }
  for (;;) {
    std::shared_ptr<const verify::pdf::Document> reading;
    const verify::Report report = verifyCurrent(context_, pdf_, currentName(), checks_, &reading);
    if (auto refused = verify::signingRefusal(report)) throw *refused;
    record_.signatures = static_cast<int>(report.signatures.size());
    if (report.missingSteps.empty()) {
      writeHeld();
      complete_ = Verified{report, archive::sha256Hex(pdf_)};
      return;
    }
    if (!signNextStep(report, std::move(reading))) {
      writeHeld();
      return;
    }
  }
}

void Pipeline::writeHeld() {
  if (!unwritten_) return;
  WriteOptions write;
  write.ownerOnly = ownerOnly_;
  write.flush = false;  // archiveDocuments flushes it
  // A revision of an earlier attempt that does not continue this one, read in newerPdf(), is replaced.
  write.replacesInput = true;
  writeFileAtomically(*unwritten_, pdf_, write);
  killPointForTests("batch-signed");
  record_.pdf = *std::exchange(unwritten_, std::nullopt);
  transition(context_, outcome_, DocumentState::Pending);
}

bool Pipeline::signNextStep(const verify::Report& report,
                            std::shared_ptr<const verify::pdf::Document> reading) {
  const policy::Chain& chain = policy::approvalChainFor(context_.policy, report.claims);
  record_.chain = chain.id;
  const std::vector<policy::SignedStep> signedSteps = signedStepsOf(report);
  const policy::Step* step = nextRequiredStep(chain, signedSteps);
  if (step == nullptr) return false;  // only optional steps missing: verify says what is wrong
  const std::time_t now = std::time(nullptr);
  const NextSigner next = chooseSigner(context_.policy, context_.keyring, chain, *step, signedSteps,
                                       report.claims.applicant, now);
  if (next.signer == nullptr) {
    writeHeld();
    record_.waitingFor = next.waitingFor;
    record_.waitingStep = step->id;
    record_.waitingPeople = next.waitingPeople;
    if (context_.dryRun) {
      outcome_.plan = "wait: " + next.waitingFor;
      return false;
    }
    transition(context_, outcome_, DocumentState::Waiting);
    return false;
  }
  if (context_.dryRun) {
    outcome_.plan = "sign from " + step->name + ", archive";
    return false;
  }
  const KeyringEntry& keyHolder = next.seal != nullptr ? *next.seal : *next.signer;
  approve::StepRequest request;
  request.personId = next.signer->holder;
  request.stepId = step->id;
  request.credentialId = keyHolder.credential->id;
  request.now = now;
  request.reuseRegisteredSealUse = true;
  request.fonts = &context_.fonts;
  request.verified = &report;
  request.verifiedReading = std::move(reading);
  request.sealRegister = context_.sealRegister;
  if (!step->seal.empty()) writeHeld();
  const auto tokenLock = context_.keys.lockForSigning(keyHolder);
  const approve::SignedStep signedStep =
      approve::signStep(context_.policy, pdf_, currentName(), request,
                        [&](const policy::Credential&, const std::string&) -> const keys::SigningKey& {
                          return context_.keys.key(keyHolder);
                        });
  if (!unwritten_) ownerOnly_ = isOwnerOnly(record_.pdf);
  unwritten_ = (fs::path(folder_) / stepFileName(record_.signatures + 1, step->id)).string();
  pdf_ = signedStep.pdf;
  record_.signatures += 1;
  if (signedStep.granted.seal != nullptr) writeHeld();
  return true;
}

void Pipeline::prepareArchiving() {
  if (outcome_.alreadyDone || context_.dryRun || record_.state == DocumentState::Waiting) return;
  {
    const StageClock clock(outcome_, "verify");
    // The signing loop verified the finished document already; a document that came in finished
    // (a rerun after the last signature) is verified here.
    if (!complete_)
      complete_ = Verified{verifyCurrent(context_, pdf_, record_.pdf, checks_), archive::sha256Hex(pdf_)};
    if (auto refused =
            verify::archivingRefusal(complete_->report, "the batch archives only what verifies in full"))
      throw *refused;
  }
  const StageClock clock(outcome_, "archive");
  archive::IngestRequest request;
  request.files = {record_.pdf};
  request.policyPath = context_.policyPath;
  request.jobPath = record_.job;
  request.registry = context_.registry;
  request.certificates = context_.certificates;
  request.signatureChecks = &checks_;
  // The archive verifies as verifyCurrent did: it takes that verification of these very bytes.
  toArchive_ = archive::prepareVerifiedForIngest(request, context_.policy, std::move(pdf_), complete_->report,
                                                 complete_->sha256);
}

// The code and message a document's failure is recorded with.
std::pair<std::string, std::string> failureOf(const std::exception& error) {
  if (const auto* known = dynamic_cast<const Error*>(&error)) return {known->code(), known->what()};
  return {"batch.internal", error.what()};
}

void recordFailure(const BatchContext& context, DocumentOutcome& outcome, const std::string& code,
                   const std::string& message) {
  outcome.record.errorCode = code;
  outcome.record.error = message;
  outcome.record.state = DocumentState::Failed;
  outcome.record.updated = static_cast<std::int64_t>(std::time(nullptr));
  // A job that cannot even be read has no key: it is reported, not recorded.
  if (!context.dryRun && !outcome.record.key.empty()) context.store.record(outcome.record);
}

// The group's documents placed as one ingest: their archive ids in order. Throws the archive's
// refusal of any of them.
std::vector<std::string> placeGroup(const BatchContext& context,
                                    const std::vector<ProcessedDocument*>& group) {
  archive::IngestRequest request;
  request.registry = context.registry;
  std::vector<archive::PreparedDocument> prepared;
  for (ProcessedDocument* document : group) prepared.push_back(std::move(*document->toArchive));
  std::vector<std::string> ids;
  std::exception_ptr refused;
  try {
    for (const archive::IngestOutcome& placed : archive::placePrepared(context.archiveDir, request, prepared))
      ids.push_back(placed.archiveId);
  } catch (...) {
    refused = std::current_exception();
  }
  // Given back, for placing them one by one after a refusal.
  for (std::size_t i = 0; i < group.size(); ++i) group[i]->toArchive = std::move(prepared[i]);
  if (refused) std::rethrow_exception(refused);
  return ids;
}

void recordArchived(const BatchContext& context, ProcessedDocument& document, const std::string& archiveId,
                    double seconds) {
  killPointForTests("batch-archived");
  DocumentOutcome& outcome = document.outcome;
  for (StageTime& t : outcome.timings)
    if (t.stage == "archive") t.seconds += seconds;
  outcome.record.stage = "archive";
  outcome.record.archiveId = archiveId;
  document.toArchive.reset();
  transition(context, outcome, DocumentState::Done);
}

}  // namespace

std::string documentFolder(const std::string& workDir, const DocumentRecord& record) {
  return (fs::path(workDir) / "docs" /
          (fs::path(record.job).stem().string() + "-" + record.key.substr(0, 12)))
      .string();
}

ProcessedDocument processDocument(const BatchContext& context, const DocumentJob& job) {
  ProcessedDocument processed;
  DocumentOutcome& outcome = processed.outcome;
  outcome.record.source = job.source;
  outcome.record.job = job.job;
  outcome.record.relativePath = job.relativePath;
  outcome.record.stage = "check";
  Pipeline pipeline(context, job, processed);
  std::optional<std::pair<std::string, std::string>> failure;
  try {
    pipeline.start();
    pipeline.sign();
    pipeline.prepareArchiving();
  } catch (const std::exception& error) {
    failure = failureOf(error);
  }
  if (context.dryRun && outcome.plan.empty() && !outcome.alreadyDone) outcome.plan = "verify, archive";
  if (failure) recordFailure(context, outcome, failure->first, failure->second);
  return processed;
}

void archiveDocuments(const BatchContext& context, const std::vector<ProcessedDocument*>& group) {
  const auto started = Clock::now();
  // One flush for the group's revisions in the work directory, before the archive records them: a
  // rerun after a power loss finds the PDF that was archived, not a reason to sign it again.
  archive::syncFilesystem(context.workDir);
  std::vector<std::string> ids;
  try {
    ids = placeGroup(context, group);
  } catch (const std::exception&) {
    // One document's refusal refuses the whole ingest: each alone, so that it is that one's.
    for (ProcessedDocument* document : group) {
      const auto alone = Clock::now();
      std::optional<std::string> id;
      std::optional<std::pair<std::string, std::string>> failure;
      try {
        id = placeGroup(context, {document}).front();
      } catch (const std::exception& error) {
        failure = failureOf(error);
      }
      if (id) {
        recordArchived(context, *document, *id, std::chrono::duration<double>(Clock::now() - alone).count());
        continue;
      }
      document->toArchive.reset();
      document->outcome.record.stage = "archive";
      recordFailure(context, document->outcome, failure->first, failure->second);
    }
    return;
  }
  // Each document's share of the placing.
  const double share = std::chrono::duration<double>(Clock::now() - started).count() / group.size();
  for (std::size_t i = 0; i < group.size(); ++i) recordArchived(context, *group[i], ids[i], share);
}

}  // namespace gongwen::batch
