#pragma once
// `gongwen archive ACTION …`: each action (init, ingest, find, show, export, audit, borrow, return)
// lives in its own pipeline/cli/Archive*Command.cpp and registers itself here, as the commands do
// with Command.h, so that actions are added without touching the others.

#include <string>
#include <vector>

namespace gongwen::cli {

struct ArchiveAction {
  const char* name;
  const char* synopsis;  // the action's usage line after "gongwen archive "
  // Runs with the arguments after the action's name; returns the exit code. Errors are printed as
  // "gongwen archive ACTION: error[code]: …".
  int (*run)(const std::vector<std::string>& args);
};

bool registerArchiveAction(const ArchiveAction& action);

}  // namespace gongwen::cli
