#include "pipeline/archive/IngestPreparation.h"

#include "pipeline/archive/Digest.h"
#include "pipeline/archive/DocumentNumber.h"
#include "pipeline/archive/PdfFacts.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/job/JobLoader.h"
#include "signing/verify/ReportFormat.h"
#include "signing/verify/SigningPrecheck.h"
#include "signing/verify/Verifier.h"

namespace gongwen::archive {

namespace {

const char* const kWhatToDo =
    "only a document `gongwen verify --policy` accepts in full is archived; nothing was archived";

void refuseUnlessArchivable(const verify::Report& report, const std::string& file, bool incoming) {
  if (std::optional<Error> refused = verify::archivingRefusal(report, kWhatToDo)) throw *refused;
  if (!incoming && !report.chainChecked)
    throw policyError("archive.no-chain", file +
                                              ": the document names no approval chain the policy knows, so "
                                              "its signatures prove no approval; archive another organ's "
                                              "document with --incoming --from ORGAN");
}

verify::Report verifyForArchive(const PreparedDocument& prepared, const policy::Policy& policy, bool incoming,
                                cms::CertificateCache* certificates, verify::SignatureCheckCache* checks) {
  verify::VerifyOptions options = archiveVerifyOptions(policy, incoming);
  options.certificateCache = certificates;
  options.signatureChecks = checks;
  const verify::Report report = verify::verifyPdf(prepared.pdf, prepared.file, options);
  refuseUnlessArchivable(report, prepared.file, incoming);
  return report;
}

// The registry entry, metadata and report of a PDF that verified for the archive (`report` is of
// exactly prepared.pdf).
PreparedDocument describeVerified(PreparedDocument prepared, const verify::Report& report,
                                  const policy::Policy& policy, const std::string& jobPath,
                                  const IncomingDetails& incoming);

// Fields the PDF leaves empty (rendered before the renderer wrote them) come from the job; a job
// whose title is not the PDF's is another document's.
void fillFromJob(PdfFacts& facts, const std::string& file, const std::string& jobPath) {
  const model::Document job = job::loadJob(jobPath);
  // A form (请假条, 报销凭证) has no <title>: it is titled by its kind, as the renderer titles it.
  const std::string& title = job.title.value.empty() ? job.tmpl.kindName : job.title.value;
  if (!facts.title.empty() && facts.title != title)
    throw inputError("archive.job-mismatch", jobPath + ": its title \"" + title + "\" is not \"" +
                                                 facts.title + "\" of " + file +
                                                 "; give the job the PDF was rendered from");
  const auto fill = [](std::string& field, const std::string& value) {
    if (field.empty()) field = value;
  };
  fill(facts.title, title);
  fill(facts.number, job.docNumber.value);
  fill(facts.date, job.date.value);
  fill(facts.copyNumber, job.copyNumber.value);
  fill(facts.urgency, job.urgency.value);
  fill(facts.kind, job.tmpl.kindName);
  fill(facts.templateId, job.tmpl.id);
  if (job.classification) fill(facts.classification, model::classificationLine(*job.classification));
  if (!job.issuers.empty()) fill(facts.organ, job.issuers.front().value);
}

void describeSignatures(PreparedDocument& prepared, const verify::Report& report,
                        const policy::Policy& policy, bool incoming) {
  const policy::Chain* chain = incoming ? nullptr : policy.findChain(report.claims.chain);
  prepared.metadata.chain = chain ? chain->id : "";
  for (std::size_t i = 0; i < report.signatures.size(); ++i) {
    const verify::SignatureReport& s = report.signatures[i];
    const int position = static_cast<int>(i + 1);
    const bool seal = !incoming && policy.findSeal(s.personId) != nullptr;
    prepared.record.signatures.push_back({position, s.field, s.step, s.personId, s.personName, s.role,
                                          s.actingFor, s.subject, s.signingTime, s.timeSource, seal});
    if (seal) {
      prepared.record.sealUses.push_back({position, s.personId, s.step, s.signingTime,
                                          s.sealUse > 0 ? std::optional<long long>(s.sealUse) : std::nullopt,
                                          s.sealUseHash});
    }
    const policy::Step* step = chain ? chain->findStep(s.step) : nullptr;
    prepared.metadata.stepNames.push_back(step ? step->name : "");
    prepared.metadata.algorithms.push_back(s.algorithm.empty() ? "unknown" : s.algorithm);
  }
}

// Another organ's PDF may lack /Title: its first line of text is what a clerk would register.
std::string firstLine(const std::string& text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n\f");
  if (begin == std::string::npos) return "";
  const std::size_t end = text.find_first_of("\r\n\f", begin);
  std::string line = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  return line;
}

}  // namespace

verify::VerifyOptions archiveVerifyOptions(const policy::Policy& policy, bool incoming) {
  verify::VerifyOptions options;
  if (incoming) {
    options.trustAnchorFiles = policy.trustAnchors;
  } else {
    options.policy = &policy;
  }
  return options;
}

std::string routeIncoming(const policy::Policy& policy, const std::string& sender) {
  // 党委, 党组, 纪委 and the like are Party organs: their documents go to the 书记 (DOMAIN.md, 收文).
  const bool party = sender.find("党") != std::string::npos || sender.find("中共") != std::string::npos ||
                     sender.find("纪委") != std::string::npos || sender.find("纪律检查") != std::string::npos;
  const std::string role = party ? "书记" : "局长";
  for (const policy::Person& person : policy.people) {
    for (const std::string& held : person.roles) {
      if (held == role || (party && held.size() > role.size() &&
                           held.compare(held.size() - role.size(), role.size(), role) == 0))
        return held + " " + person.name;
    }
  }
  return role;
}

PreparedDocument prepareDocument(const std::string& file, const policy::Policy& policy,
                                 const std::string& jobPath, const IncomingDetails& incoming,
                                 cms::CertificateCache* certificates, const LongTermExtender& extend,
                                 verify::SignatureCheckCache* signatureChecks) {
  PreparedDocument prepared;
  prepared.file = file;
  prepared.pdf = readInput(file, InputKind::Pdf);
  verify::Report report =
      verifyForArchive(prepared, policy, incoming.incoming, certificates, signatureChecks);
  if (extend) {
    prepared.received = std::move(prepared.pdf);
    verify::VerifyOptions options = archiveVerifyOptions(policy, incoming.incoming);
    options.certificateCache = certificates;
    options.signatureChecks = signatureChecks;
    prepared.pdf = extend(prepared.received, file, policy, options);
    report = verifyForArchive(prepared, policy, incoming.incoming, certificates, signatureChecks);
  }
  return describeVerified(std::move(prepared), report, policy, jobPath, incoming);
}

PreparedDocument prepareVerifiedDocument(const std::string& file, std::string pdf,
                                         const verify::Report& report, const policy::Policy& policy,
                                         const std::string& jobPath) {
  refuseUnlessArchivable(report, file, false);
  PreparedDocument prepared;
  prepared.file = file;
  prepared.pdf = std::move(pdf);
  return describeVerified(std::move(prepared), report, policy, jobPath, IncomingDetails{});
}

namespace {

PreparedDocument describeVerified(PreparedDocument prepared, const verify::Report& report,
                                  const policy::Policy& policy, const std::string& jobPath,
                                  const IncomingDetails& incoming) {
  const std::string& file = prepared.file;
  PdfFacts facts = readPdfFacts(prepared.pdf, file);
  if (!jobPath.empty()) {
    prepared.job = readInput(jobPath, InputKind::Job);
    fillFromJob(facts, file, jobPath);
  }
  prepared.reportJson = verify::formatJson(report);

  DocumentRecord& d = prepared.record;
  d.number = facts.number;
  if (const std::optional<NumberParts> parts = splitDocNumber(d.number)) {
    d.organCode = parts->organCode;
    d.year = parts->year;
    d.serial = parts->serial;
  }
  d.title = facts.title.empty() ? firstLine(facts.text) : facts.title;
  d.kind = facts.kind;
  d.templateId = facts.templateId.empty() ? report.claims.templateId : facts.templateId;
  d.organ = incoming.incoming && facts.organ.empty() ? incoming.from : facts.organ;
  d.date = isoDate(facts.date);
  d.classification = facts.classification;
  d.copyNumber = facts.copyNumber;
  d.urgency = incoming.incoming && !incoming.urgency.empty() ? incoming.urgency : facts.urgency;
  d.incoming = incoming.incoming;
  d.pdfSha256 = sha256Hex(prepared.pdf);
  d.pdfSize = prepared.pdf.size();
  d.pages = facts.pages;
  d.text = facts.text;
  if (d.title.empty())
    throw inputError("archive.no-title", file +
                                             ": the PDF has no title (/Title), no text and no job that gives "
                                             "one; give the job it was rendered from with --job");
  if (incoming.incoming) {
    d.incomingEntry = IncomingRecord{
        "", incoming.from, d.title, d.number, d.urgency, "", routeIncoming(policy, incoming.from)};
  }
  describeSignatures(prepared, report, policy, incoming.incoming);
  prepared.metadata.archivingUnit = policy.organisation;
  prepared.metadata.issuers = report.claims.issuers;
  if (prepared.metadata.issuers.empty())
    prepared.metadata.issuers.push_back(d.organ.empty() ? incoming.from : d.organ);
  prepared.metadata.pdfVersion = facts.pdfVersion;
  prepared.metadata.pdfFileName = "document.pdf";
  return prepared;
}

}  // namespace

}  // namespace gongwen::archive
