#include "pipeline/reply/ReplyRun.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "pipeline/check/Checker.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/render/FormRenderer.h"
#include "pipeline/render/Renderer.h"
#include "pipeline/reply/ProposalSource.h"
#include "pipeline/reply/ProposalValidation.h"
#include "pipeline/reply/ReplyLetter.h"

namespace gongwen::reply {
namespace {

const char* const kRegisterFile = "register.pdf";

ReplySettings runSettings(const ReplyOptions& options) {
  ReplySettings s;
  s.issuer = options.policy ? options.policy->organisation : options.issuer;
  if (s.issuer.empty()) {
    throw usageError("usage.missing",
                     "reply needs the bureau that answers: --policy POLICY.xml or --issuer NAME");
  }
  s.city = cityOf(s.issuer);
  if (s.city.empty()) {
    throw usageError("usage.issuer", "the issuer \"" + s.issuer +
                                         "\" names no city (…市…); the replies are copied to the city's "
                                         "人大, 政协 and government, so give the bureau's full name");
  }
  s.date = options.date;
  return s;
}

// The seal the chain presses (its seal step's), or none when the chain has no seal step; the
// policy refuses a chain its <documents> rules do not allow for letters from this issuer.
std::string sealOfChain(const policy::Policy& policy, const std::string& chain, const std::string& issuer) {
  const policy::Chain& c =
      policy::approvalChainFor(policy, {"letter", {issuer}, chain, "", "", std::nullopt});
  for (const policy::Step& step : c.steps) {
    if (!step.seal.empty()) return step.seal;
  }
  return std::string();
}

// A private directory (mode 0700, mkdtemp) for the jobs being checked, removed with everything in it.
// A job is checked from here before it is written to the output directory, so that a row that now
// fails check never replaces the job an earlier run wrote for it.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gongwen-reply-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
      throw systemError("io.write",
                        pattern + ": cannot create a temporary directory to check the letters in");
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `bytes` as `name` in the directory and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string path = (path_ / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) throw systemError("io.write", path + ": cannot write a job to check");
    return path;
  }

 private:
  std::filesystem::path path_;
};

class ReplyProducer {
 public:
  ReplyProducer(const ReplyOptions& options, ReplyReport& report)
      : options_(options),
        report_(report),
        settings_(runSettings(options)),
        fonts_(render::fontLibraryFor(options.fontConfigPath)) {}

  void produce(const std::vector<ProposalRecord>& records) {
    std::vector<ValidatedRow> validated;
    validated.reserve(records.size());
    for (const ProposalRecord& record : records) {
      validated.push_back(validateProposal(record, fonts_));
      if (validated.back().proposal) sealFor(replyChain(*validated.back().proposal));
    }
    // Every chain the letters need has passed the policy: nothing is written before that.
    for (std::size_t i = 0; i < records.size(); ++i) {
      ValidatedRow& row = validated[i];
      RegisterEntry entry{records[i], RowStatus::Invalid,
                          parseIsoDate(trimmedAscii(records[i][Column::Received]))};
      if (row.proposal) {
        if (letter(*row.proposal, row.errors)) entry.status = RowStatus::Answered;
      } else if (row.errors.size() == 1 && row.errors.front().code == "proposal.answer-missing") {
        entry.status = RowStatus::Unanswered;
      }
      report_.errors.insert(report_.errors.end(), row.errors.begin(), row.errors.end());
      report_.rows.push_back(std::move(entry));
    }
    writeRegister();
  }

 private:
  static std::string trimmedAscii(const std::string& s) {
    const std::size_t begin = s.find_first_not_of(" \t\r\n");
    return begin == std::string::npos ? std::string()
                                      : s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
  }

  // The seal the chain's letters carry; with a policy, the policy must allow the chain for letters
  // from this issuer (Error(PolicyRefused) otherwise).
  const std::string& sealFor(const std::string& chain) {
    auto found = sealByChain_.find(chain);
    if (found == sealByChain_.end()) {
      const std::string seal =
          options_.policy ? sealOfChain(*options_.policy, chain, settings_.issuer) : settings_.seal;
      found = sealByChain_.emplace(chain, seal).first;
    }
    return found->second;
  }

  // Writes the row's job and PDF; false (with `errors` filled) when the letter cannot be produced.
  bool letter(const Proposal& p, std::vector<RowError>& errors) {
    const std::string base = replyBaseName(p);
    if (!basesUsed_.insert(base).second) {
      errors.push_back(
          {p.row, p.line, Column::Number, "proposal.duplicate",
           p.label() + " of " + p.session + " is already on an earlier row; each proposal is answered once"});
      return false;
    }
    const std::string jobPath = (std::filesystem::path(options_.outDir) / (base + ".xml")).string();
    const std::string pdfPath = (std::filesystem::path(options_.outDir) / (base + ".pdf")).string();
    ReplySettings settings = settings_;
    settings.seal = sealFor(replyChain(p));
    const ReplyJob job = replyJob(p, settings);
    const std::string checkedPath = scratch_.write(base + ".xml", job.xml);
    try {
      // The letter is rendered from the job as read back (schema, template), so that the job written
      // is exactly the letter's source.
      const model::Document doc = job::loadJob(checkedPath);
      for (const check::Finding& f : check::checkDocument(doc)) {
        if (f.severity != check::Severity::Error) continue;
        const auto column = job.columnOfElement.find(f.element);
        errors.push_back({p.row, p.line,
                          column == job.columnOfElement.end() ? std::nullopt : std::optional(column->second),
                          f.rule,
                          "the letter does not pass check: " + f.message + " (in \"" + f.excerpt + "\")"});
      }
      if (!errors.empty()) return false;
      const std::string pdf = render::renderToPdf(doc, fonts_, options_.fixedTime);
      writeFileAtomically(jobPath, job.xml);
      writeFileAtomically(pdfPath, pdf);
    } catch (const Error& e) {
      if (e.exitCode() != ExitCode::InputInvalid) throw;
      errors.push_back({p.row, p.line, std::nullopt, e.code(), e.what()});
      return false;
    }
    report_.letters.push_back({p.row, p.label(), jobPath, pdfPath});
    return true;
  }

  void writeRegister() {
    report_.summary = summarise(report_.rows, options_.date);
    const model::Form form = registerForm(report_.rows, settings_.issuer, options_.date, fonts_);
    layout::DocumentInfo info;
    info.title = form.title.value;
    info.author = settings_.issuer;
    info.subject = "建议提案办理情况汇总表";
    report_.registerPdf = (std::filesystem::path(options_.outDir) / kRegisterFile).string();
    writeFileAtomically(report_.registerPdf, render::renderFormToPdf(form, fonts_, info, options_.fixedTime));
  }

  const ReplyOptions& options_;
  ReplyReport& report_;
  const ReplySettings settings_;
  const fonts::FontLibrary& fonts_;
  const ScratchDir scratch_;
  std::set<std::string> basesUsed_;
  std::map<std::string, std::string> sealByChain_;
};

std::string where(const ReplyReport& report, const RowError& e) {
  return report.input + ":" + std::to_string(e.line) + ": row " + std::to_string(e.row) +
         (e.column ? std::string(", ") + columnName(*e.column) : std::string());
}

}  // namespace

ReplyReport replyToProposals(const std::string& input, const ReplyOptions& options) {
  ReplyReport report;
  report.input = input;
  ReplyProducer producer(options, report);
  const std::vector<ProposalRecord> records = readProposals(input);
  std::error_code ec;
  std::filesystem::create_directories(options.outDir, ec);
  if (ec || !std::filesystem::is_directory(options.outDir)) {
    throw systemError("io.write", options.outDir + ": cannot create the output directory (" +
                                      (ec ? ec.message() : std::string("not a directory")) + ")");
  }
  producer.produce(records);
  return report;
}

std::string formatReplyReport(const ReplyReport& report) {
  std::string out;
  for (const RowError& e : report.errors) {
    out += where(report, e) + ": error[" + e.code + "]: " + e.message + "\n";
  }
  const RegisterSummary& s = report.summary;
  out += std::to_string(report.letters.size()) + " letters written, " + std::to_string(s.rows) + " rows in " +
         report.registerPdf + " (" + std::to_string(s.answered) + " answered, " +
         std::to_string(s.unanswered) + " unanswered, " + std::to_string(s.invalid) + " with errors, " +
         std::to_string(s.overdue) + " overdue)\n";
  return out;
}

std::string formatReplyReportJson(const ReplyReport& report) {
  std::string out =
      "{\"input\":" + jsonString(report.input) + ",\"rows\":" + std::to_string(report.summary.rows);
  out += ",\"letters\":[";
  for (std::size_t i = 0; i < report.letters.size(); ++i) {
    const ReplyLetterOutput& l = report.letters[i];
    out += std::string(i ? "," : "") + "{\"row\":" + std::to_string(l.row) +
           ",\"label\":" + jsonString(l.label) + ",\"job\":" + jsonString(l.job) +
           ",\"pdf\":" + jsonString(l.pdf) + "}";
  }
  out += "],\"errors\":[";
  for (std::size_t i = 0; i < report.errors.size(); ++i) {
    const RowError& e = report.errors[i];
    out += std::string(i ? "," : "") + "{\"row\":" + std::to_string(e.row) +
           ",\"line\":" + std::to_string(e.line) +
           ",\"column\":" + (e.column ? jsonString(columnName(*e.column)) : std::string("null")) +
           ",\"code\":" + jsonString(e.code) + ",\"message\":" + jsonString(e.message) + "}";
  }
  const RegisterSummary& s = report.summary;
  out += "],\"register\":" + jsonString(report.registerPdf) + ",\"answered\":" + std::to_string(s.answered) +
         ",\"unanswered\":" + std::to_string(s.unanswered) + ",\"invalid\":" + std::to_string(s.invalid) +
         ",\"overdue\":" + std::to_string(s.overdue) + "}\n";
  return out;
}

}  // namespace gongwen::reply
