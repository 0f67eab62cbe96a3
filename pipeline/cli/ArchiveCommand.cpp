// gongwen archive ACTION …: dispatches to the actions that registered with ArchiveCommand.h.

#include "pipeline/cli/ArchiveCommand.h"

#include <iostream>

#include "pipeline/cli/Command.h"
#include "pipeline/core/Error.h"

namespace gongwen::cli {

namespace {

std::vector<ArchiveAction>& actions() {
  static std::vector<ArchiveAction> all;
  return all;
}

void printUsage(std::ostream& out) {
  out << "usage: gongwen archive ACTION [options]   (gongwen archive ACTION --help for details)\n";
  for (const ArchiveAction& action : actions()) out << "  gongwen archive " << action.synopsis << "\n";
  out << "\nThe archive keeps every signed document as an original and two copies (BagIt bags in three\n"
         "replica roots) with a registry (DIR/registry.sqlite, or with --registry a PostgreSQL database)\n"
         "of documents, files, events and loans.\n";
}

int archiveBody(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    printUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? static_cast<int>(ExitCode::Usage) : 0;
  }
  for (const ArchiveAction& action : actions()) {
    if (args[0] == action.name) {
      const std::string name = std::string("archive ") + action.name;
      return guarded(name.c_str(), action.run, {args.begin() + 1, args.end()});
    }
  }
  throw usageError("usage", "unknown archive action \"" + args[0] + "\"; see gongwen archive --help");
}

int runArchive(const std::vector<std::string>& args) { return guarded("archive", archiveBody, args); }

const bool registered = registerCommand(
    {"archive", "archive signed documents: ingest, find, show, export, audit, lend", runArchive});

}  // namespace

bool registerArchiveAction(const ArchiveAction& action) {
  actions().push_back(action);
  return true;
}

}  // namespace gongwen::cli
