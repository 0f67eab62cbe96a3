#pragma once
// The command line of a command that reads one input named without an option (render's job,
// reply's register, the PDF of sign and ltv): its options and that one positional argument, parsed
// as Boost does.

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace gongwen::cli {

// `visible` are the options --help shows; `positional` names the one argument given without an
// option (hidden from --help) and `value` says where it goes (po::value(&input)->required(), say).
// With --help nothing is checked or stored, so that help shows even when a required option is
// missing: the caller shows it. Throws Boost's errors for unknown or missing options, which main
// reports as usage errors.
boost::program_options::variables_map parseCommandLine(
    const std::vector<std::string>& args, const boost::program_options::options_description& visible,
    const char* positional, const boost::program_options::value_semantic* value);

}  // namespace gongwen::cli
