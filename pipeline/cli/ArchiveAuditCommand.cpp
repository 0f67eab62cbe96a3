// gongwen archive audit --archive DIR [--registry URL] [--policy POLICY.xml] [--deep] [--format text|json]

#include <boost/program_options.hpp>
#include <ctime>
#include <iostream>
#include <optional>

#include "pipeline/archive/ArchiveAudit.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/cli/ArchiveOptions.h"
#include "pipeline/core/Error.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis =
    "audit --archive DIR [--registry URL] [--policy POLICY.xml] [--deep] [--format text|json]";

int auditBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  std::string dir, registry, policyPath, format = "text";
  bool deep = false;
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "policy", po::value(&policyPath), "re-verify every signature against this policy (slower)")(
      "deep", po::bool_switch(&deep), "also render every page of every PDF with Poppler (slow)")(
      "format", po::value(&format), "text (default) or json");
  addRegistryOption(visible, registry);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nRecomputes the SHA-256 of every file in every replica and compares it with the registry and\n"
           "the bags' manifests. A damaged or missing file, bag or replica root is copied back from a\n"
           "replica that holds it as registered (a repair event is recorded); what no replica holds is\n"
           "reported as lost (a loss event). Checks the registry's schema and event chain, the 发文字号\n"
           "sequences (gaps are noted), required metadata, that each PDF opens in Poppler unencrypted\n"
           "with its fonts embedded, and file modes (world-writable entries and classified bags that\n"
           "others may read are put right). Prints the DA/T 70 report: 真实性, 完整性, 可用性, 安全性.\n"
           "exit codes: 0 all is well or was repaired, 1 problems the audit cannot repair that are not a\n"
           "loss, 5 something is lost, the registry or an event was altered, or a signature no longer\n"
           "verifies, 2 usage, 3 DIR is no archive or the policy is invalid, 6 I/O error (or the\n"
           "--registry server cannot be reached)\n";
    return 0;
  }
  if (dir.empty()) throw usageError("usage", "give the archive: gongwen archive audit --archive DIR");
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  checkRegistryOption(registry);
  std::optional<policy::Policy> policy;
  if (!policyPath.empty()) policy = policy::loadPolicy(policyPath);
  // The seals were registered where the registry is: batch --registry keeps both on the server.
  if (policy && !registry.empty()) policy->registerPath = registry;
  archive::AuditOptions options;
  options.deep = deep;
  options.policy = policy ? &*policy : nullptr;
  options.now = std::time(nullptr);
  options.registry = registry;
  const archive::AuditReport report = archive::auditArchive(dir, options);
  std::cout << (format == "json" ? archive::formatAuditJson(report) : archive::formatAuditText(report));
  return report.exitCode();
}

const bool registered = registerArchiveAction({"audit", kSynopsis, auditBody});

}  // namespace
}  // namespace gongwen::cli
