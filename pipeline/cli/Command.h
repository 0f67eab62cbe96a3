#pragma once
// Each `gongwen` command lives in its own file and registers itself here; main() only dispatches.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongwen::cli {

struct Command {
  const char* name;
  const char* summary;
  // Runs with the arguments after the command name; returns the process exit code.
  int (*run)(const std::vector<std::string>& args);
};

// Called from a static initialiser in each command's file.
bool registerCommand(const Command& command);
const std::vector<Command>& commands();

// Runs `body`, turning a gongwen::Error into one line on stderr and its exit code.
int guarded(const char* command, int (*body)(const std::vector<std::string>&),
            const std::vector<std::string>& args);

// SOURCE_DATE_EPOCH (reproducible-builds.org), which fixes the dates of what a command writes; unset:
// nullopt. Throws Error(Usage, "usage.source-date-epoch") when it is not a number of seconds.
std::optional<std::int64_t> sourceDateEpoch();

}  // namespace gongwen::cli
