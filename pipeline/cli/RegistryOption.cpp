#include "pipeline/cli/RegistryOption.h"

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

}  // namespace gongwen::cli
