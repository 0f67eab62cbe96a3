// gongwen batch INPUT... --policy POLICY.xml --archive DIR [--keys KEYRING.xml] [--work DIR] [-j N]
//   [--shard K/N] [--registry postgresql://…] [--report REPORT.json] [--dry-run]
// gongwen batch --status --archive DIR --policy POLICY.xml [--work DIR] [--as PERSON]

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "pipeline/batch/BatchReport.h"
#include "pipeline/batch/BatchRun.h"
#include "pipeline/batch/ProgressDisplay.h"
#include "pipeline/batch/ServerBatchStateStore.h"
#include "pipeline/batch/SqliteBatchStateStore.h"
#include "pipeline/cli/Command.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/policy/ServerDatabase.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

int status(const std::string& archiveDir, const std::string& workDir, const std::string& policyPath,
           const std::string& person, const std::string& registry) {
  const policy::Policy policy = policy::loadPolicy(policyPath);
  if (!person.empty() && policy.findPerson(person) == nullptr)
    throw usageError("usage.unknown-person",
                     "--as " + person + ": the policy " + policyPath + " has no such person");
  const std::string work = batch::workDirOf(workDir, archiveDir);
  const std::vector<batch::DocumentRecord> records =
      registry.empty()
          ? batch::SqliteBatchStateStore(work, batch::SqliteBatchStateStore::Access::ReadOnly).all()
          : batch::ServerBatchStateStore(registry, true).all();
  std::cout << batch::formatStatus(records, work, policyPath, policy, person);
  return 0;
}

int batchBody(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: gongwen batch INPUT... --policy POLICY.xml --archive DIR [options]\n"
      "       gongwen batch --status --archive DIR --policy POLICY.xml [--work DIR] [--registry URL] [--as "
      "PERSON]\n\n"
      "Takes every job (folders are searched for *.xml whose root is <job>) and every proposals\n"
      "register (*.csv, or XML whose root is <proposals>) through check, render, the approvals and the\n"
      "seal as far as the keyring allows, verify and archive ingest. A step whose signer has no key in\n"
      "the keyring leaves the document waiting; a rerun carries it on, after that person signed the\n"
      "PDF `--status` names with `gongwen sign` into the document's folder, or with their key in the\n"
      "keyring. What is done is skipped; a changed job is a new document.\n\noptions");
  std::string policyPath, archiveDir, keyring, workDir, shard, reportPath, person, registry;
  unsigned threads = 0;
  bool dryRun = false, showStatus = false;
  std::vector<std::string> inputs;
  visible.add_options()("help,h", "show this help")("policy", po::value(&policyPath),
                                                    "the bureau's policy file")(
      "archive", po::value(&archiveDir), "the archive to ingest into (initialised when new)")(
      "keys", po::value(&keyring), "keyring: who may sign in this run, and where each password or PIN is")(
      "work", po::value(&workDir),
      "the work directory with each document's state and PDFs (default DIR/work)")(
      "jobs,j", po::value(&threads), "worker threads (default: the number of cores)")(
      "shard", po::value(&shard), "take only the K-th of N stable shares of the inputs, e.g. 2/4")(
      "registry", po::value(&registry),
      "postgresql://USER@HOST/DB: keep the batch state, the seal-use register and the archive's registry "
      "there, for shards on many machines (password from PGPASSWORD or PGPASSFILE, never here)")(
      "report", po::value(&reportPath), "write every document's outcome, stage timings and paths as JSON")(
      "dry-run", po::bool_switch(&dryRun), "say what would be done; change nothing")(
      "status", po::bool_switch(&showStatus),
      "list the documents of the work directory and what they wait for")(
      "as", po::value(&person), "with --status: only what waits for this person (a signing inbox)");
  po::options_description all;
  all.add(visible).add_options()("input", po::value(&inputs));
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible
              << "\nexit codes: 0 every document done or waiting, 1 a document failed (the others went on),\n"
                 "2 usage, 3 invalid policy or keyring, 6 I/O (the archive or the work directory)\n";
    return 0;
  }
  if (policyPath.empty() || archiveDir.empty())
    throw usageError("usage.missing", "give --policy POLICY.xml and --archive DIR; see gongwen batch --help");
  if (!registry.empty()) policy::server::refuseInlinePassword(registry);
  if (showStatus) return status(archiveDir, workDir, policyPath, person, registry);
  if (!person.empty()) throw usageError("usage.as-without-status", "--as goes with --status");
  if (inputs.empty()) throw usageError("usage.missing", "give the jobs, folders or proposals to work on");

  batch::BatchOptions options;
  options.inputs = inputs;
  options.policyPath = policyPath;
  options.archiveDir = archiveDir;
  options.keyringPath = keyring;
  options.workDir = workDir;
  options.threads = threads;
  if (!shard.empty()) options.shard = batch::parseShard(shard);
  options.dryRun = dryRun;
  options.fixedTime = sourceDateEpoch();
  options.registry = registry;
  if (!reportPath.empty()) options.laterOutputs.push_back(reportPath);
  batch::ProgressDisplay display(stdout, ::isatty(STDOUT_FILENO) == 1 && !dryRun);
  const batch::BatchSummary summary =
      batch::runBatch(options, [&](const batch::DocumentOutcome& outcome, std::size_t finished,
                                   std::size_t total) { display.finished(outcome, finished, total); });
  display.close();
  std::fputs(batch::formatSummary(summary, dryRun).c_str(), stdout);
  std::fflush(stdout);
  if (!reportPath.empty()) writeFileAtomically(reportPath, batch::formatReportJson(summary));
  return summary.anyFailed() ? 1 : 0;
}

int runBatch(const std::vector<std::string>& args) { return guarded("batch", batchBody, args); }

const bool registered = registerCommand(
    {"batch", "take jobs and proposals from draft to archive, signing as the keyring allows", runBatch});

}  // namespace
}  // namespace gongwen::cli
