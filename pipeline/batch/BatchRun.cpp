#include "pipeline/batch/BatchRun.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "pipeline/archive/Digest.h"
#include "pipeline/batch/ArchiveQueue.h"
#include "pipeline/batch/CoreSlots.h"
#include "pipeline/batch/DocumentPipeline.h"
#include "pipeline/batch/Keyring.h"
#include "pipeline/batch/KeyringKeys.h"
#include "pipeline/batch/ProposalJobs.h"
#include "pipeline/batch/RunSealRegister.h"
#include "pipeline/batch/ServerBatchStateStore.h"
#include "pipeline/batch/SqliteBatchStateStore.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontRole.h"
#include "pipeline/render/Renderer.h"

namespace gongwen::batch {

namespace {

namespace fs = std::filesystem;

// The policy's bytes and the fonts every role resolves to (file, face, size): a document rendered
// with other fonts or signed under another policy is another document.
std::string sharedDigest(const std::string& policyPath, const fonts::FontLibrary& fonts) {
  std::string material = archive::sha256Hex(readFile(policyPath));
  for (const fonts::FontRole role : fonts::kAllRoles) {
    const fonts::FontFace& face = fonts.face(role);
    std::error_code ec;
    material += "\n" + face.path() + ":" + std::to_string(face.faceIndex()) + ":" +
                std::to_string(fs::file_size(face.path(), ec));
  }
  return archive::sha256Hex(material);
}

unsigned threadCount(unsigned asked) {
  if (asked > 0) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

bool BatchSummary::anyFailed() const {
  for (const DocumentOutcome& d : documents)
    if (d.record.state == DocumentState::Failed) return true;
  return false;
}

std::string workDirOf(const std::string& workDir, const std::string& archiveDir) {
  return workDir.empty() ? (fs::path(archiveDir) / "work").string() : workDir;
}

BatchSummary runBatch(const BatchOptions& options, const ProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  policy::Policy policy = policy::loadPolicy(options.policyPath);
  if (!options.registry.empty()) policy.registerPath = options.registry;
  const Keyring keyring = options.keyringPath.empty() ? Keyring{} : loadKeyring(options.keyringPath, policy);
  for (const std::string& output : options.laterOutputs) ensureWritable(output);
  const std::vector<BatchInput> inputs = collectInputs(options.inputs);
  BatchSummary summary;
  summary.workDir = workDirOf(options.workDir, options.archiveDir);
  std::unique_ptr<BatchStateStore> store;
  if (!options.registry.empty())
    store = std::make_unique<ServerBatchStateStore>(options.registry, options.dryRun);
  else
    store = std::make_unique<SqliteBatchStateStore>(
        summary.workDir,
        options.dryRun ? SqliteBatchStateStore::Access::ReadOnly : SqliteBatchStateStore::Access::ReadWrite);
  const fonts::FontLibrary& fonts = render::fontLibraryFor("");
  KeyringKeys keys(keyring);
  cms::CertificateCache certificates;
  CoreSlots slots(threadCount(options.threads));
  RunSealRegister sealRegister(policy.registerPath, &slots);
  if (!options.dryRun) keys.loadAll();
  const BatchContext context{policy,
                             options.policyPath,
                             keyring,
                             keys,
                             fonts,
                             options.archiveDir,
                             summary.workDir,
                             *store,
                             sharedDigest(options.policyPath, fonts),
                             options.fixedTime,
                             options.dryRun,
                             &certificates,
                             options.registry,
                             &sealRegister};

  std::vector<DocumentJob> jobs;
  for (const BatchInput& input : inputs) {
    if (!options.shard.takes(input.relativePath)) continue;
    if (input.kind == BatchInput::Kind::Job) {
      jobs.push_back({input.path, input.path, input.relativePath});
      continue;
    }
    if (options.dryRun) {
      DocumentOutcome planned;
      planned.record.source = planned.record.job = input.path;
      planned.record.relativePath = input.relativePath;
      planned.record.stage = "reply";
      planned.plan = "answer the proposals, then each letter as a document";
      summary.documents.push_back(std::move(planned));
      continue;
    }
    try {
      ProposalJobs answered = answerProposals(context, input);
      jobs.insert(jobs.end(), answered.letters.begin(), answered.letters.end());
      for (DocumentOutcome& failed : answered.rowErrors) summary.documents.push_back(std::move(failed));
    } catch (const Error& error) {
      DocumentOutcome failed;
      failed.record.source = failed.record.job = input.path;
      failed.record.relativePath = input.relativePath;
      failed.record.state = DocumentState::Failed;
      failed.record.stage = "reply";
      failed.record.errorCode = error.code();
      failed.record.error = error.what();
      summary.documents.push_back(std::move(failed));
    }
  }

  // Preparing the faces for repeated subsetting costs about 0.7 s of CPU once and pays for itself
  // after some 250 documents (FontLibrary.h).
  if (!options.dryRun && jobs.size() >= 250) fonts.prepareForRepeatedSubsetting();
  const std::size_t first = summary.documents.size();
  const std::size_t total = first + jobs.size();
  summary.documents.resize(total);
  std::atomic<std::size_t> next{0};
  std::size_t finished = 0;
  std::mutex reporting;
  std::exception_ptr stop;
  for (std::size_t i = 0; i < first; ++i) progress(summary.documents[i], ++finished, total);
  std::vector<ProcessedDocument> processed(jobs.size());
  const auto report = [&](std::size_t i) {  // under `reporting`
    summary.documents[first + i] = std::move(processed[i].outcome);
    progress(summary.documents[first + i], ++finished, total);
  };
  const auto stopRun = [&] {  // under `reporting`
    if (!stop) stop = std::current_exception();
    next = jobs.size();
  };
  ArchiveQueue archiving([&](const std::vector<std::size_t>& group) {
    std::vector<ProcessedDocument*> documents;
    for (const std::size_t i : group) documents.push_back(&processed[i]);
    try {
      archiveDocuments(context, documents);
    } catch (...) {
      const std::lock_guard<std::mutex> lock(reporting);
      stopRun();
      return;
    }
    const std::lock_guard<std::mutex> lock(reporting);
    for (const std::size_t i : group) report(i);
  });
  const auto work = [&] {
    for (;;) {
      const CoreSlots::Held slot(slots);
      const std::size_t i = next++;
      if (i >= jobs.size()) return;
      try {
        processed[i] = processDocument(context, jobs[i]);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(reporting);
        stopRun();
        return;
      }
      if (processed[i].toArchive) {
        archiving.add(i);
        continue;
      }
      const std::lock_guard<std::mutex> lock(reporting);
      report(i);
    }
  };
  std::vector<std::thread> workers;
  const unsigned count =
      std::min<std::size_t>(threadCount(options.threads), std::max<std::size_t>(jobs.size(), 1));
  // One spare worker, for the slot of one that waits on the disk.
  const unsigned spare = jobs.size() > count ? 1 : 0;
  for (unsigned t = 1; t < count + spare; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  archiving.finish();
  if (stop) std::rethrow_exception(stop);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace gongwen::batch
