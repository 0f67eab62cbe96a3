#include "pipeline/archive/Ingest.h"

#include <filesystem>
#include <map>
#include <optional>

#include "pipeline/archive/ArchiveId.h"
#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/archive/ArchiveLock.h"
#include "pipeline/archive/BagPlacement.h"
#include "pipeline/archive/EventLog.h"
#include "pipeline/archive/ParallelEach.h"
#include "pipeline/archive/RegistryStore.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/core/KillPoint.h"
#include "pipeline/core/UtcTime.h"

namespace fs = std::filesystem;

namespace gongwen::archive {

namespace {

// Documents registered in one transaction after their bags are placed: large enough that a batch of
// a thousand commits once (each chunk waits for the disk some ten times: flushes of the replica roots,
// their directories, the journal and the registry; four chunks of 256 spent a second there), small
// enough that a crash costs little to redo. Memory does not bound it: a bag takes its document's bytes,
// which the batch holds already, and adds only its small files.
constexpr std::size_t kChunkSize = 1024;

void checkRequest(const IngestRequest& request) {
  if (request.files.empty()) throw usageError("usage", "give the signed PDFs to archive");
  if (request.policyPath.empty()) throw usageError("usage", "give the bureau's policy: --policy POLICY.xml");
  if (!request.jobPath.empty() && request.files.size() != 1)
    throw usageError("usage", "--job belongs to one document: give it with a single PDF");
  const IncomingDetails& in = request.incoming;
  if (in.incoming && in.from.empty())
    throw usageError("usage", "--incoming needs the sending organ: --from ORGAN");
  if (!in.incoming && (!in.from.empty() || !in.urgency.empty()))
    throw usageError("usage", "--from and --urgency describe an incoming document: give --incoming too");
  if (!in.urgency.empty() && in.urgency != "特急" && in.urgency != "加急")
    throw usageError("usage", "--urgency is 特急 or 加急");
}

// What becomes of each prepared document: archived already (its id), or to be placed.
struct Classified {
  std::vector<IngestOutcome> outcomes;  // one per prepared document, in order
  std::vector<std::size_t> toPlace;     // indexes of the documents to place
};

// Same bytes: a no-op. Another file under a 发文字号 taken (in the archive or earlier in the batch):
// refused. `registry` is null for an archive that does not exist yet.
Classified classify(const std::vector<PreparedDocument>& prepared, const RegistryStore* registry) {
  Classified result;
  std::map<std::string, std::size_t> bytesInBatch, numbersInBatch;
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    const DocumentRecord& d = prepared[i].record;
    IngestOutcome outcome{prepared[i].file, "", d.number, false};
    if (std::optional<std::string> id = registry ? registry->idByPdfSha256(d.pdfSha256) : std::nullopt) {
      outcome.archiveId = *id;
      outcome.alreadyArchived = true;
    } else if (bytesInBatch.count(d.pdfSha256)) {
      outcome.alreadyArchived = true;  // its id is known once the first copy is placed
    } else {
      std::optional<std::string> taken = !d.incoming && !d.number.empty() && registry
                                             ? registry->outgoingIdByNumber(d.number)
                                             : std::nullopt;
      if (!taken && !d.incoming && !d.number.empty() && numbersInBatch.count(d.number))
        taken = prepared[numbersInBatch[d.number]].file + " (earlier in this batch)";
      if (taken)
        throw policyError(
            "archive.number-taken",
            prepared[i].file + ": 发文字号 " + d.number + " is already archived as " + *taken +
                ", with other bytes; a 发文字号 is given once: check the number, or archive the "
                "document that was actually issued");
      bytesInBatch[d.pdfSha256] = i;
      if (!d.incoming && !d.number.empty()) numbersInBatch[d.number] = i;
      result.toPlace.push_back(i);
    }
    result.outcomes.push_back(outcome);
  }
  return result;
}

// The bag takes the document's files, which nothing reads once it is made: a third of a megabyte a
// notice is not copied twice more.
BagContents bagContents(PreparedDocument& prepared, std::string metadata) {
  const DocumentRecord& d = prepared.record;
  BagContents contents;
  contents.archiveId = d.id;
  contents.payload.push_back({"document.pdf", std::move(prepared.pdf)});
  contents.payloadSha256["document.pdf"] = d.pdfSha256;
  if (!prepared.received.empty()) contents.payload.push_back({"received.pdf", std::move(prepared.received)});
  if (!prepared.job.empty()) contents.payload.push_back({"job.xml", std::move(prepared.job)});
  contents.payload.push_back({"metadata.xml", std::move(metadata)});
  contents.payload.push_back({"verification.json", std::move(prepared.reportJson)});
  contents.payload.push_back({"text.txt", d.text});
  contents.info.push_back({"Source-Organization", prepared.metadata.archivingUnit});
  contents.info.push_back({"External-Description", d.title});
  if (!d.number.empty()) contents.info.push_back({"Internal-Sender-Identifier", d.number});
  return contents;
}

// Gives the document its id and time, and makes its bag (the registry's files rows come from it).
BagImage finish(PreparedDocument& prepared, const std::string& id, long long sequence, std::time_t now) {
  DocumentRecord& d = prepared.record;
  d.id = id;
  d.sequence = sequence;
  d.ingestedAt = formatUtcTime(now);
  if (d.incomingEntry) d.incomingEntry->receivedAt = d.ingestedAt;
  prepared.metadata.record = &d;
  BagImage image = makeBag(bagContents(prepared, metadataXml(prepared.metadata)), now);
  d.files.clear();
  for (const BagFile& file : image.files) d.files.push_back({file.path, file.sha256, file.bytes.size()});
  return image;
}

// The metadata must describe the document before anything is written: a trial with a placeholder id
// (metadataXml throws what does not validate).
void checkMetadata(const PreparedDocument& prepared) {
  const std::time_t now = std::time(nullptr);
  DocumentRecord trial = prepared.record;
  trial.id = archiveId(now, 1);
  trial.sequence = 1;
  trial.ingestedAt = formatUtcTime(now);
  if (trial.incomingEntry) trial.incomingEntry->receivedAt = trial.ingestedAt;
  MetadataSource source = prepared.metadata;
  source.record = &trial;
  metadataXml(source);
}

std::string ingestDetail(const PreparedDocument& prepared) {
  const DocumentRecord& d = prepared.record;
  return "{\"file\":" + jsonString(fs::path(prepared.file).filename().string()) +
         ",\"sha256\":" + jsonString(d.pdfSha256) + ",\"number\":" + jsonString(d.number) +
         ",\"incoming\":" + (d.incoming ? "true" : "false") + ",\"files\":" + std::to_string(d.files.size()) +
         "}";
}

void placeChunk(const ArchiveLayout& layout, RegistryStore& registry, std::vector<PreparedDocument*>& chunk) {
  const std::time_t now = std::time(nullptr);
  const long long first = registry.nextDocumentSequence();
  // The bags' metadata is made and validated and their files hashed on every core.
  std::vector<BagImage> images(chunk.size());
  forEachInParallel(chunk.size(), [&](std::size_t i) {
    const long long sequence = first + static_cast<long long>(i);
    images[i] = finish(*chunk[i], archiveId(now, sequence), sequence, now);
  });
  std::vector<PlacedBag> bags;
  for (std::size_t i = 0; i < chunk.size(); ++i)
    bags.push_back({chunk[i]->record.id, &images[i], !chunk[i]->record.classification.empty()});
  placeBags(layout, bags);
  std::vector<IngestedDocument> documents;
  for (PreparedDocument* prepared : chunk) documents.push_back({prepared->record, ingestDetail(*prepared)});
  killPointForTests("archive-registering");
  registry.registerDocuments(documents, now);
  killPointForTests("archive-registered");
  finishPlacement(layout);
  killPointForTests("archive-journal-removed");
}

PreparedDocument prepareFile(const IngestRequest& request, const policy::Policy& policy, std::size_t index,
                             cms::CertificateCache* certificates) {
  LongTermExtender extend;
  if (request.longTerm.value_or(!policy.timestampUrl.empty())) extend = request.extender;
  PreparedDocument prepared = prepareDocument(request.files[index], policy, request.jobPath, request.incoming,
                                              certificates, extend, request.signatureChecks);
  checkMetadata(prepared);
  return prepared;
}

// Verifying is most of an ingest's work and each file's is independent: on every core. The refusal is
// the first failing file's (forEachInParallel rethrows the lowest index that failed).
std::vector<PreparedDocument> prepareAll(const IngestRequest& request, const policy::Policy& policy) {
  std::vector<std::optional<PreparedDocument>> prepared(request.files.size());
  cms::CertificateCache ownCertificates;
  cms::CertificateCache* certificates = request.certificates ? request.certificates : &ownCertificates;
  forEachInParallel(prepared.size(),
                    [&](std::size_t i) { prepared[i] = prepareFile(request, policy, i, certificates); });
  std::vector<PreparedDocument> done;
  done.reserve(prepared.size());
  for (std::optional<PreparedDocument>& document : prepared) done.push_back(std::move(*document));
  return done;
}

}  // namespace

std::vector<IngestOutcome> ingestDocuments(const std::string& archiveDir, const IngestRequest& request) {
  checkRequest(request);
  std::optional<policy::Policy> ownPolicy;
  if (request.policy == nullptr) {
    ownPolicy = policy::loadPolicy(request.policyPath);
    if (!request.registry.empty()) ownPolicy->registerPath = request.registry;
  }
  const policy::Policy& policy = request.policy ? *request.policy : *ownPolicy;
  std::vector<PreparedDocument> prepared = prepareAll(request, policy);
  return placePrepared(archiveDir, request, prepared);
}

PreparedDocument prepareForIngest(const IngestRequest& request, const policy::Policy& policy,
                                  std::size_t index) {
  cms::CertificateCache ownCertificates;
  return prepareFile(request, policy, index, request.certificates ? request.certificates : &ownCertificates);
}

PreparedDocument prepareVerifiedForIngest(const IngestRequest& request, const policy::Policy& policy,
                                          std::string pdf, const verify::Report& report,
                                          const std::string& pdfSha256) {
  PreparedDocument prepared =
      prepareVerifiedDocument(request.files.at(0), std::move(pdf), report, policy, request.jobPath);
  if (prepared.record.pdfSha256 != pdfSha256) return prepareForIngest(request, policy, 0);
  checkMetadata(prepared);
  return prepared;
}

std::vector<IngestOutcome> placePrepared(const std::string& archiveDir, const IngestRequest& request,
                                         std::vector<PreparedDocument>& prepared) {
  // Refusals against the archive as it is, before it is touched.
  const std::optional<ArchiveLayout> existing = findArchive(archiveDir);
  std::error_code absent;
  const auto registryOf = [&](const ArchiveLayout& layout) {
    return request.registry.empty() ? layout.registryPath() : request.registry;
  };
  if (existing && (!request.registry.empty() || fs::exists(existing->registryPath(), absent))) {
    const auto current = openRegistryStore(registryOf(*existing), RegistryAccess::ReadOnly);
    const Classified classified = classify(prepared, current.get());
    // Nothing to place and nothing to clean up after: the archive is not touched.
    if (classified.toPlace.empty() && !ingestWasInterrupted(*existing)) return classified.outcomes;
  } else {
    classify(prepared, nullptr);
  }

  const ArchiveLayout layout = existing ? *existing : initArchive(archiveDir, {});
  const ArchiveLock lock(layout.lockPath(), ArchiveLock::Mode::Exclusive);
  const std::unique_ptr<RegistryStore> registry =
      openRegistryStore(registryOf(layout), RegistryAccess::ReadWrite);
  recoverInterruptedIngest(layout, [&](const std::string& id) { return registry->contains(id); });
  // Again under the lock: another ingest may have archived some of these meanwhile.
  Classified classified = classify(prepared, registry.get());
  for (std::size_t start = 0; start < classified.toPlace.size(); start += kChunkSize) {
    std::vector<PreparedDocument*> chunk;
    for (std::size_t i = start; i < std::min(start + kChunkSize, classified.toPlace.size()); ++i)
      chunk.push_back(&prepared[classified.toPlace[i]]);
    placeChunk(layout, *registry, chunk);
  }
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    IngestOutcome& outcome = classified.outcomes[i];
    if (outcome.archiveId.empty()) outcome.archiveId = *registry->idByPdfSha256(prepared[i].record.pdfSha256);
  }
  return classified.outcomes;
}

}  // namespace gongwen::archive
