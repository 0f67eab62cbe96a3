#pragma once
// The command line of a command that reads one input named without an option (render's job,
// reply's register): its options and that one positional argument, parsed as Boost does.

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace gongwen::cli {

// `visible` are the options --help shows; `positional` names the one argument given without an
// option (hidden from --help). Throws Boost's errors for unknown options, which main reports as
// usage errors.
boost::program_options::variables_map parseCommandLine(
    const std::vector<std::string>& args, const boost::program_options::options_description& visible,
    const char* positional, const char* positionalMeaning);

}  // namespace gongwen::cli
