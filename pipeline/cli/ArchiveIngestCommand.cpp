// gongwen archive ingest FILE.pdf... --archive DIR --policy POLICY.xml [--job JOB.xml]
//                        [--incoming --from ORGAN [--urgency 特急|加急]] [--ltv|--no-ltv]

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/archive/Ingest.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/core/Error.h"
#include "signing/ltv/LongTermExtension.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis =
    "ingest FILE.pdf... --archive DIR --policy POLICY.xml [--job JOB.xml] "
    "[--incoming --from ORGAN [--urgency 特急|加急]] [--ltv|--no-ltv]";

int ingestBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  archive::IngestRequest request;
  std::string dir;
  bool longTerm = false, asReceived = false;
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "policy", po::value(&request.policyPath), "the bureau's policy: people, chains and trust anchors")(
      "job", po::value(&request.jobPath), "the source job (draft) of a single PDF, kept in its bag")(
      "incoming", po::bool_switch(&request.incoming.incoming),
      "收文: another organ's document; its signatures must be intact and trusted, our chain is not asked")(
      "from", po::value(&request.incoming.from), "with --incoming: the sending organ (来文机关)")(
      "urgency", po::value(&request.incoming.urgency), "with --incoming: 特急 or 加急")(
      "ltv", po::bool_switch(&longTerm),
      "archive each PDF extended with its validation data and a document timestamp (PAdES B-LTA), the\n"
      "received bytes kept beside it (default when the policy names a timestamp authority)")(
      "no-ltv", po::bool_switch(&asReceived), "archive each PDF only as received");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&request.files));
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nVerifies every PDF first (integrity, trust at signing time and, for our own documents, the\n"
           "whole approval chain and seal uses); the first that fails refuses the whole batch and nothing\n"
           "is written. Each document is registered in DIR/registry.sqlite and kept as one BagIt bag\n"
           "(the PDF byte for byte, the job, DA/T 46 metadata, the verification report, its text) in each\n"
           "of the three replica roots. DIR is initialised with the default roots when it is not an\n"
           "archive yet. A file archived before is a no-op; another file under an archived 发文字号 is\n"
           "refused.\n"
           "exit codes: 0 archived (or archived before), 2 usage, 3 input not a readable PDF or job,\n"
           "4 refused by the policy (incomplete chain, 发文字号 taken), 5 a signature or the file does\n"
           "not verify, 6 I/O error\n";
    return 0;
  }
  if (dir.empty()) throw usageError("usage", "give the archive: --archive DIR");
  if (longTerm && asReceived) throw usageError("usage", "give --ltv or --no-ltv, not both");
  if (longTerm || asReceived) request.longTerm = longTerm;
  request.extender = [](const std::string& pdf, const std::string& file, const policy::Policy& policy,
                        const verify::VerifyOptions& verifyOptions) {
    return ltv::extendForLongTerm(pdf, file, {policy.timestampUrl, verifyOptions});
  };
  for (const archive::IngestOutcome& outcome : archive::ingestDocuments(dir, request)) {
    const std::string number = outcome.number.empty() ? "" : " (" + outcome.number + ")";
    if (outcome.alreadyArchived) {
      std::cout << outcome.file << ": already archived as " << outcome.archiveId << number
                << "; nothing to do\n";
    } else {
      std::cout << "archived " << outcome.file << " as " << outcome.archiveId << number
                << ": original and two copies\n";
    }
  }
  return 0;
}

const bool registered = registerArchiveAction({"ingest", kSynopsis, ingestBody});

}  // namespace
}  // namespace gongwen::cli
