// gongwen register verify --policy POLICY.xml [--format text|json]: checks the seal-use register
// (用印登记) the policy names — schema and append-only triggers, the hash chain and its head file.

#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "pipeline/cli/Command.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/JsonText.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/policy/SealRegister.h"
#include "pipeline/policy/SealRegisterLocation.h"
#include "pipeline/policy/ServerDatabase.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

std::string headJson(const policy::RegisterHead& head) {
  return "{\"sequence\":" + std::to_string(head.sequence) + ",\"rowHash\":" + jsonString(head.rowHash) + "}";
}

std::string formatJson(const policy::RegisterCheck& check) {
  return "{\"register\":" + jsonString(check.path) + ",\"ok\":" + (check.ok() ? "true" : "false") +
         ",\"rowsChecked\":" + std::to_string(check.rowsChecked) + ",\"head\":" + headJson(check.head) +
         ",\"headFile\":" + (check.headFile ? headJson(*check.headFile) : "null") +
         ",\"badRow\":" + std::to_string(check.badRow) + ",\"problem\":" + jsonString(check.problem) + "}\n";
}

std::string formatText(const policy::RegisterCheck& check) {
  std::ostringstream out;
  out << check.path << ": " << check.rowsChecked << " row(s) checked, head row " << check.head.sequence << " "
      << check.head.rowHash << "\n";
  if (check.headFile) {
    out << "head file: row " << check.headFile->sequence << " " << check.headFile->rowHash << "\n";
    if (check.ok() && check.headFile->sequence < check.head.sequence)
      out << "note: the head file lags by " << check.head.sequence - check.headFile->sequence
          << " row(s): a seal was stopped after registering; the next seal updates it\n";
  }
  if (check.ok()) {
    out << "result: the register verifies\n";
  } else {
    out << "error[register.broken]: "
        << (check.badRow > 0 ? "row " + std::to_string(check.badRow) + ": " : "") << check.problem
        << "; restore the register from the archive's copy and investigate\n"
        << "result: FAILED\n";
  }
  return out.str();
}

int verifyBody(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: gongwen register verify (--policy POLICY.xml | --registry postgresql://…) [--format "
      "text|json]");
  std::string policyPath, registry, format = "text";
  visible.add_options()("help,h", "print this help")("policy", po::value(&policyPath),
                                                     "the bureau's policy: names the register")(
      "registry", po::value(&registry),
      "the PostgreSQL database that holds the register instead (password from PGPASSWORD or PGPASSFILE)")(
      "format", po::value(&format), "text (default) or json");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(visible).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible
              << "\nChecks the schema and its append-only triggers, every row's hash against its fields and\n"
                 "the row before, contiguous sequence numbers, and the head file beside the register.\n"
                 "exit codes: 0 the register verifies, 5 it does not (the first bad row is named),\n"
                 "2 usage, 3 the policy is not valid, 6 the policy or the register cannot be read\n";
    return 0;
  }
  if (policyPath.empty() == registry.empty())
    throw usageError("usage",
                     "give the policy that names the register (--policy FILE) or the server database "
                     "that holds it (--registry postgresql://…)");
  if (format != "text" && format != "json") throw usageError("usage", "--format must be text or json");
  if (!registry.empty()) policy::server::refuseInlinePassword(registry);
  const policy::RegisterCheck check =
      registry.empty() ? policy::verifySealRegister(policy::loadPolicy(policyPath).registerPath)
                       : policy::openSealRegister(registry, policy::SealRegister::Access::ReadOnly)->check();
  std::cout << (format == "json" ? formatJson(check) : formatText(check));
  return static_cast<int>(check.ok() ? ExitCode::Ok : ExitCode::SignatureInvalid);
}

int registerBody(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "usage: gongwen register verify --policy POLICY.xml [--format text|json]\n"
                 "  verify   check the seal-use register (用印登记) the policy names\n";
    return args.empty() ? static_cast<int>(ExitCode::Usage) : 0;
  }
  if (args[0] != "verify")
    throw usageError("usage", "unknown register action \"" + args[0] + "\"; see gongwen register --help");
  return verifyBody({args.begin() + 1, args.end()});
}

int runRegister(const std::vector<std::string>& args) { return guarded("register", registerBody, args); }

const bool registered = registerCommand({"register", "verify the seal-use register (用印登记)", runRegister});

}  // namespace
}  // namespace gongwen::cli
