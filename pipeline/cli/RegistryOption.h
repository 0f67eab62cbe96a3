#pragma once
// --registry for the archivist's commands (audit, find, show, export, borrow, return): the archive's
// registry in the PostgreSQL server database `gongwen batch --registry` ingested into, instead of
// DIR/registry.sqlite. The same URL as batch takes, under the same rule: no password in argv.

#include <boost/program_options/options_description.hpp>
#include <string>

namespace gongwen::cli {

void addRegistryOption(boost::program_options::options_description& options, std::string& url);

// Error(Usage, "usage.registry-password") for a URL that carries a password (as batch refuses it),
// Error(Usage, "usage") for one that does not name a server database.
void checkRegistryOption(const std::string& url);

}  // namespace gongwen::cli
