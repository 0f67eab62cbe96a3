#include "pipeline/batch/ProposalJobs.h"

#include <sys/stat.h>

#include <ctime>
#include <filesystem>

#include "pipeline/archive/Digest.h"
#include "pipeline/reply/ReplyRun.h"

namespace gongwen::batch {

namespace {

reply::CalendarDate letterDate(const BatchContext& context, const std::string& path) {
  std::tm parts{};
  if (context.fixedTime) {
    const std::time_t epoch = static_cast<std::time_t>(*context.fixedTime);
    gmtime_r(&epoch, &parts);
  } else {
    struct stat st {};
    const std::time_t changed = ::stat(path.c_str(), &st) == 0 ? st.st_mtime : std::time(nullptr);
    localtime_r(&changed, &parts);
  }
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

}  // namespace

ProposalJobs answerProposals(const BatchContext& context, const BatchInput& proposals) {
  reply::ReplyOptions options;
  const std::string name = std::filesystem::path(proposals.path).stem().string();
  options.outDir = (std::filesystem::path(context.workDir) / "replies" /
                    (name + "-" + archive::sha256Hex(proposals.relativePath).substr(0, 12)))
                       .string();
  options.policy = &context.policy;
  options.date = letterDate(context, proposals.path);
  options.fixedTime = context.fixedTime;
  const reply::ReplyReport report = reply::replyToProposals(proposals.path, options);
  ProposalJobs jobs;
  for (const reply::ReplyLetterOutput& letter : report.letters) {
    const std::string row = ":row " + std::to_string(letter.row);
    jobs.letters.push_back({letter.job, proposals.path + row, proposals.relativePath + row});
  }
  for (const reply::RowError& error : report.errors) {
    DocumentOutcome failed;
    const std::string row = ":row " + std::to_string(error.row);
    failed.record.source = proposals.path + row;
    failed.record.relativePath = proposals.relativePath + row;
    failed.record.state = DocumentState::Failed;
    failed.record.stage = "reply";
    failed.record.errorCode = error.code;
    failed.record.error =
        proposals.path + ":" + std::to_string(error.line) + ": row " + std::to_string(error.row) +
        (error.column ? std::string(", ") + reply::columnName(*error.column) : "") + ": " + error.message;
    jobs.rowErrors.push_back(std::move(failed));
  }
  return jobs;
}

}  // namespace gongwen::batch
