// gongwen: render, check, sign and verify 公文. Dispatches to the registered commands.

#include <malloc.h>

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
  // glibc gives memory freed at the top of the heap back to the system past 128 KiB, and a command
  // that builds a PDF grows and frees large buffers over and over: each time the pages come back as
  // fresh page faults. Keeping 16 MiB spares a render of a two-page notice 170 of its 1 410 page
  // faults (a tenth of its CPU time); pages never touched cost nothing.
  mallopt(M_TOP_PAD, 16 << 20);
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
