// gongwen render JOB.xml -o OUT.pdf [--fonts FONTS.xml] [--allow-findings] [--policy POLICY.xml]

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/check/Checker.h"
#include "pipeline/cli/Command.h"
#include "pipeline/cli/CommandLine.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/render/Renderer.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

int runRender(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: gongwen render JOB.xml -o OUT.pdf [options]\n\n"
      "Renders a job to a GB/T 9704-2012 PDF. The job is checked first; error findings stop the\n"
      "render unless --allow-findings is given. The output is written atomically: on any error no\n"
      "file is written and an existing OUT.pdf is left as it was. SOURCE_DATE_EPOCH fixes the dates.\n\n"
      "options");
  visible.add_options()("help,h", "show this help")("output,o", po::value<std::string>(),
                                                    "the PDF to write (- for standard output)")(
      "fonts", po::value<std::string>(),
      "font configuration (default: fonts/fonts.xml shipped with gongwen)")(
      "allow-findings", "render even when check reports errors")(
      "max-input-size", po::value<std::string>(),
      "largest job to read, in bytes or with K, M, G (default 16M)")(
      "policy", po::value<std::string>(),
      "refuse a job whose approvalChain the policy does not allow for its template and issuers; "
      "required for a leave request or voucher, whose chain and signature boxes it gives");
  const po::variables_map vm = parseCommandLine(args, visible, "job", po::value<std::string>());
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nexit codes: 0 ok, 1 check errors, 2 usage, 3 invalid job/fonts/policy, 4 chain not allowed\n"
           "by the policy, 6 I/O\n";
    return 0;
  }
  if (!vm.count("job") || !vm.count("output")) {
    throw usageError("usage.missing", "need a job and -o OUT.pdf; see gongwen render --help");
  }
  if (vm.count("max-input-size"))
    setInputLimit(InputKind::Job, parseByteSize(vm["max-input-size"].as<std::string>(), "--max-input-size"));
  render::RenderOptions options;
  if (vm.count("fonts")) options.fontConfigPath = vm["fonts"].as<std::string>();
  options.allowFindings = vm.count("allow-findings") > 0;
  options.fixedTime = sourceDateEpoch();
  std::optional<policy::Policy> policy;
  if (vm.count("policy")) {
    policy = policy::loadPolicy(vm["policy"].as<std::string>());
    options.protectedTerms.push_back(policy->organisation);
    for (const policy::DocumentRule& rule : policy->documentRules) {
      options.protectedTerms.insert(options.protectedTerms.end(), rule.issuers.begin(), rule.issuers.end());
    }
    for (const policy::Person& person : policy->people) options.protectedTerms.push_back(person.name);
    options.policy = &*policy;
    // The same derivation sign and verify make from the rendered claims, made before rendering.
    options.approve = [&policy](const model::Document& doc) { render::approveChain(doc, *policy); };
  }
  const auto result = render::renderJob(vm["job"].as<std::string>(), vm["output"].as<std::string>(), options);
  // Warnings (and errors let through by --allow-findings) are still shown.
  std::cerr << check::formatFindings(result.findings);
  return 0;
}

const bool registered = registerCommand({"render", "render a job XML to a GB/T 9704 PDF", runRender});

}  // namespace
}  // namespace gongwen::cli
