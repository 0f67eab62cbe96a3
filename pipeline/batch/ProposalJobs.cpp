#include "pipeline/batch/ProposalJobs.h"

#include <sys/stat.h>

#include <ctime>
#include <filesystem>

#include "pipeline/archive/Digest.h"
#include "pipeline/core/LocalTime.h"
#include "pipeline/reply/ReplyRun.h"

namespace gongwen::batch {

reply::CalendarDate letterDate(std::optional<std::int64_t> fixedTime, const std::string& path,
                               const std::string& timeZone) {
  std::time_t when = 0;
  if (fixedTime) {
    when = static_cast<std::time_t>(*fixedTime);
  } else {
    struct stat st {};
    when = ::stat(path.c_str(), &st) == 0 ? st.st_mtime : std::time(nullptr);
  }
  const std::tm parts = toLocalTime(when, timeZone).parts;
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

ProposalJobs answerProposals(const BatchContext& context, const BatchInput& proposals) {
  reply::ReplyOptions options;
  const std::string name = std::filesystem::path(proposals.path).stem().string();
  options.outDir = (std::filesystem::path(context.workDir) / "replies" /
                    (name + "-" + archive::sha256Hex(proposals.relativePath).substr(0, 12)))
                       .string();
  options.policy = &context.policy;
  options.date = letterDate(context.fixedTime, proposals.path, context.policy.timeZone);
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
