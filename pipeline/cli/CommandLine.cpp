#include "pipeline/cli/CommandLine.h"

namespace po = boost::program_options;

namespace gongwen::cli {

po::variables_map parseCommandLine(const std::vector<std::string>& args,
                                   const po::options_description& visible, const char* positional,
                                   const po::value_semantic* value) {
  po::options_description all;
  all.add(visible).add_options()(positional, value);
  po::positional_options_description positions;
  positions.add(positional, 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positions).run(), vm);
  if (!vm.count("help")) po::notify(vm);
  return vm;
}

}  // namespace gongwen::cli
