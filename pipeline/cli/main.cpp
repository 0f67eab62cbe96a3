// gongwen: render, check, sign and verify 公文. Dispatches to the registered commands.

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/cli/Command.h"
#include "pipeline/core/Error.h"

namespace {

void printUsage(std::ostream& out) {
  out << "usage: gongwen <command> [options]   (gongwen <command> --help for details)\n\ncommands:\n";
  for (const auto& c : gongwen::cli::commands()) {
    out << "  " << c.name << std::string(10 - std::min<size_t>(9, std::strlen(c.name)), ' ') << c.summary
        << "\n";
  }
  out << "\nexit codes: 0 ok, 1 check findings, 2 usage, 3 input invalid, 4 policy refused,\n"
         "            5 signature invalid, 6 I/O or system error,\n"
         "            7 verify: signatures intact and trusted, approval chain not checked (give --policy)\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    printUsage(std::cerr);
    return static_cast<int>(gongwen::ExitCode::Usage);
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage(std::cout);
    return 0;
  }
  for (const auto& c : gongwen::cli::commands()) {
    if (name == c.name) {
      return gongwen::cli::guarded(c.name, c.run, std::vector<std::string>(argv + 2, argv + argc));
    }
  }
  std::cerr << "gongwen: error[usage]: unknown command '" << name << "'; run gongwen --help\n";
  return static_cast<int>(gongwen::ExitCode::Usage);
}
