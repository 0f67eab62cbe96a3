// gongwen ltv IN.pdf -o OUT.pdf --policy POLICY.xml: extends a signed PDF for long-term validation
// (PAdES B-LT, and B-LTA with the policy's timestamp authority); run again before the last document
// timestamp's authority certificate expires, it renews the timestamp.

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/cli/Command.h"
#include "pipeline/cli/CommandLine.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/DeferredTermination.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/policy/Policy.h"
#include "signing/ltv/LongTermExtension.h"

namespace gongwen::cli {
namespace {

namespace po = boost::program_options;

int ltvBody(const std::vector<std::string>& args) {
  std::string input, output, policyPath;
  po::options_description visible("gongwen ltv IN.pdf -o OUT.pdf --policy POLICY.xml");
  visible.add_options()("help,h", "show this help")("output,o", po::value(&output)->required(),
                                                    "extended PDF to write (- for standard output)")(
      "policy", po::value(&policyPath)->required(),
      "the bureau's policy: trust anchors and timestamp authority");
  const po::variables_map vm = parseCommandLine(args, visible, "input", po::value(&input)->required());
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nAdds the validation data of every signature (DSS) in one revision and, when the policy names\n"
           "a timestamp authority, a document timestamp in the next. Exit codes: 0 extended, 2 usage,\n"
           "3 input invalid, 5 a signature does not verify, 6 I/O or the timestamp authority.\n";
    return 0;
  }

  const policy::Policy policy = policy::loadPolicy(policyPath);
  const std::string original = readInput(input, InputKind::Pdf);
  ensureWritable(output);
  ltv::ExtensionRequest request;
  request.timestampUrl = policy.timestampUrl;
  request.verify.policy = &policy;
  const std::string extended = ltv::extendForLongTerm(original, input, request);
  {
    const DeferredTermination untilWritten;
    WriteOptions write;
    write.ownerOnly = isOwnerOnly(input);
    writeFileAtomically(output, extended, write);
  }
  (output == "-" ? std::cerr : std::cout)
      << "extended " << input
      << (request.timestampUrl.empty() ? " with validation data"
                                       : " with validation data and a document timestamp")
      << " → " << output << "\n";
  return 0;
}

int runLtv(const std::vector<std::string>& args) { return guarded("ltv", ltvBody, args); }

const bool registered = registerCommand(
    {"ltv", "add validation data and a document timestamp to a signed PDF (PAdES B-LT/B-LTA)", runLtv});

}  // namespace
}  // namespace gongwen::cli
