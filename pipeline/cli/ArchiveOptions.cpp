#include "pipeline/cli/ArchiveOptions.h"

#include <boost/program_options.hpp>

#include "pipeline/core/Error.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::cli {

void addRegistryOption(boost::program_options::options_description& options, std::string& url) {
  options.add_options()("registry", boost::program_options::value(&url),
                        "postgresql://USER@HOST/DB: the archive's registry is in this server database (as "
                        "`gongwen batch --registry` keeps it), not in DIR; password from PGPASSWORD or "
                        "PGPASSFILE, never here");
}

void checkRegistryOption(const std::string& url) {
  if (url.empty()) return;
  policy::server::refuseInlinePassword(url);
  if (!policy::server::isServerUrl(url))
    throw usageError("usage",
                     "--registry takes a postgresql://USER@HOST/DB URL; without it the registry is "
                     "DIR/registry.sqlite");
}

bool parseWithId(const std::vector<std::string>& args,
                 const boost::program_options::options_description& visible, const char* idName,
                 std::string& id) {
  namespace po = boost::program_options;
  po::options_description all;
  all.add(visible).add_options()(idName, po::value(&id));
  po::positional_options_description positional;
  positional.add(idName, 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  return vm.count("help") != 0;
}

}  // namespace gongwen::cli
