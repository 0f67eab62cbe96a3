#include "pipeline/cli/Command.h"

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <iostream>

#include "pipeline/core/Error.h"

namespace gongwen::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> all;
  return all;
}
}  // namespace

bool registerCommand(const Command& command) {
  registry().push_back(command);
  return true;
}

const std::vector<Command>& commands() { return registry(); }

std::optional<std::int64_t> sourceDateEpoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  const long long t = std::strtoll(value, &end, 10);
  if (*end != '\0' || t < 0) {
    throw usageError(
        "usage.source-date-epoch",
        "SOURCE_DATE_EPOCH must be a number of seconds since 1970, got '" + std::string(value) + "'");
  }
  return t;
}

int guarded(const char* command, int (*body)(const std::vector<std::string>&),
            const std::vector<std::string>& args) {
  try {
    return body(args);
  } catch (const Error& e) {
    std::cerr << "gongwen " << command << ": error[" << e.code() << "]: " << e.what() << "\n";
    return static_cast<int>(e.exitCode());
  } catch (const boost::program_options::error& e) {
    std::cerr << "gongwen " << command << ": error[usage]: " << e.what() << "; see gongwen " << command
              << " --help\n";
    return static_cast<int>(ExitCode::Usage);
  } catch (const std::bad_alloc&) {
    std::cerr << "gongwen " << command << ": error[system.memory]: out of memory\n";
    return static_cast<int>(ExitCode::System);
  } catch (const std::exception& e) {
    // A library we call threw something we did not translate: still one line, still a code.
    std::cerr << "gongwen " << command << ": error[internal]: " << e.what() << "\n";
    return static_cast<int>(ExitCode::System);
  }
}

}  // namespace gongwen::cli
