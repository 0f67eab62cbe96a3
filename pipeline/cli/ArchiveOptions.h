#pragma once
// What the archivist's commands (audit, find, show, export, borrow, return) parse alike: --registry,
// the archive's registry in the PostgreSQL server database `gongwen batch --registry` ingested into
// instead of DIR/registry.sqlite (the same URL as batch takes, under the same rule: no password in
// argv), and the one positional argument of show, export, borrow and return.

#include <boost/program_options/options_description.hpp>
#include <string>
#include <vector>

namespace gongwen::cli {

void addRegistryOption(boost::program_options::options_description& options, std::string& url);

// Error(Usage, "usage.registry-password") for a URL that carries a password (as batch refuses it),
// Error(Usage, "usage") for one that does not name a server database.
void checkRegistryOption(const std::string& url);

// Parses `args` into the options of `visible` and one positional argument, `idName` (the document
// or the loan), into `id`; true when --help was asked for.
bool parseWithId(const std::vector<std::string>& args,
                 const boost::program_options::options_description& visible, const char* idName,
                 std::string& id);

}  // namespace gongwen::cli
