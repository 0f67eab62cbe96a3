// gongwen reply PROPOSALS.csv|PROPOSALS.xml -o DIR [--policy POLICY.xml | --issuer NAME]
//               [--date YYYY-MM-DD] [--format text|json] [--fonts FONTS.xml]

#include <boost/program_options.hpp>
#include <ctime>
#include <iostream>

#include "pipeline/cli/Command.h"
#include "pipeline/cli/CommandLine.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/LocalTime.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/reply/ReplyRun.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

// The run's date: --date, else the bureau's day (in the policy's zone, 北京时间 without one) of
// SOURCE_DATE_EPOCH or of now, whatever zone the machine is set to.
reply::CalendarDate runDate(const po::variables_map& vm, std::optional<std::int64_t> epoch,
                            const std::string& timeZone) {
  if (vm.count("date")) {
    const std::string text = vm["date"].as<std::string>();
    const auto date = reply::parseIsoDate(text);
    if (!date) throw usageError("usage.date", "--date " + text + " is not a date written YYYY-MM-DD");
    return *date;
  }
  const std::tm parts =
      toLocalTime(epoch ? static_cast<std::time_t>(*epoch) : std::time(nullptr), timeZone).parts;
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

int runReply(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: gongwen reply PROPOSALS.csv|PROPOSALS.xml -o DIR [options]\n\n"
      "Writes, for every answered row of the proposals register, the reply letter (函, 信函格式) as a\n"
      "job DIR/<kind>-<届>-<次>-<编号>.xml and its PDF, and the 办理情况汇总表 of every row as\n"
      "DIR/register.pdf. The CSV has exactly the header\n"
      "  类别,届次,编号,姓名,标题,主办协办,承办股室,收到日期,重要程度,办理类别,联系人,联系电话,答复\n"
      "(schemas/proposals.xsd for XML). A wrong row is reported with its row and column and gets no\n"
      "letter; the others are still written. SOURCE_DATE_EPOCH fixes the PDFs' dates.\n\n"
      "options");
  visible.add_options()("help,h", "show this help")("output,o", po::value<std::string>(),
                                                    "the directory to write to (created when missing)")(
      "policy", po::value<std::string>(),
      "the bureau's policy: its organisation answers, and it must allow the letters' chains")(
      "issuer", po::value<std::string>(), "the bureau that answers, when no --policy is given")(
      "date", po::value<std::string>(),
      "the letters' date and the register's reference date for overdue rows, YYYY-MM-DD (default: today)")(
      "format", po::value<std::string>()->default_value("text"), "text or json")(
      "fonts", po::value<std::string>(),
      "font configuration (default: fonts/fonts.xml shipped with gongwen)")(
      "max-input-size", po::value<std::string>(),
      "largest register to read, in bytes or with K, M, G (default 64M)");
  const po::variables_map vm = parseCommandLine(args, visible, "proposals", po::value<std::string>());
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nexit codes: 0 every row answered, 1 some rows have errors (the others are written), 2 usage,\n"
           "3 unreadable register or wrong header, 4 chain not allowed by the policy, 6 I/O\n";
    return 0;
  }
  if (!vm.count("proposals") || !vm.count("output")) {
    throw usageError("usage.missing", "need a proposals register and -o DIR; see gongwen reply --help");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw usageError("usage.format", "--format must be text or json, not '" + format + "'");
  }
  if (vm.count("policy") && vm.count("issuer")) {
    throw usageError("usage.conflict", "give --policy or --issuer, not both: the policy names the bureau");
  }
  if (vm.count("max-input-size")) {
    setInputLimit(InputKind::Proposals,
                  parseByteSize(vm["max-input-size"].as<std::string>(), "--max-input-size"));
  }
  reply::ReplyOptions options;
  options.outDir = vm["output"].as<std::string>();
  if (vm.count("fonts")) options.fontConfigPath = vm["fonts"].as<std::string>();
  if (vm.count("issuer")) options.issuer = vm["issuer"].as<std::string>();
  options.fixedTime = sourceDateEpoch();
  std::optional<policy::Policy> policy;
  if (vm.count("policy")) {
    policy = policy::loadPolicy(vm["policy"].as<std::string>());
    options.policy = &*policy;
  }
  options.date = runDate(vm, options.fixedTime, policy ? policy->timeZone : kDefaultTimeZone);
  const reply::ReplyReport report = reply::replyToProposals(vm["proposals"].as<std::string>(), options);
  // On standard output in both formats, as check and verify print their reports.
  std::cout << (format == "json" ? reply::formatReplyReportJson(report) : reply::formatReplyReport(report));
  return static_cast<int>(report.errors.empty() ? ExitCode::Ok : ExitCode::Findings);
}

const bool registered = registerCommand(
    {"reply", "write the replies to 人大建议 and 政协提案 from the proposals register", runReply});

}  // namespace
}  // namespace gongwen::cli
