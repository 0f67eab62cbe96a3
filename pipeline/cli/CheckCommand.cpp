// gongwen check FILE|DIR... [--format text|json] [--fix] [--list-rules] [--max-input-size BYTES]

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "pipeline/check/Checker.h"
#include "pipeline/check/FileKind.h"
#include "pipeline/check/Fixer.h"
#include "pipeline/check/RuleCatalog.h"
#include "pipeline/cli/Command.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/render/Renderer.h"

namespace po = boost::program_options;

namespace gongwen::cli {

namespace {

// Rewrites `path` with its certain fixes applied; true when something changed.
bool fixFile(const std::string& path) {
  const std::string before = readInput(path, InputKind::Text);
  const std::string after = check::looksLikeXml(before) ? check::fixJob(path) : check::fixText(before, path);
  if (after == before) return false;
  WriteOptions inPlace;
  inPlace.replacesInput = true;
  writeFileAtomically(path, after, inPlace);
  return true;
}

// The root element's name as the first kilobytes show it; empty when they show none.
std::string rootElementOf(const std::string& path) {
  InputFile in(path, InputKind::Text);
  std::string start(4096, '\0');
  start.resize(in.read(start.data(), start.size()));
  return check::rootElementName(start);
}

// Whether a *.xml file found in a directory is a job: a policy, a template or a font configuration
// kept beside the jobs is not (its root element says so). One that shows no root element in its
// first kilobytes is checked, so that the checker names what is wrong with it.
bool isJobOrUnknownXml(const std::string& path) {
  const std::string root = rootElementOf(path);
  return root.empty() || root == "job";
}

// A FILE argument names itself; a directory names every job (*.xml whose root is <job>) and text
// (*.txt) under it, in sorted order, without following links to directories (they could lead out
// of the tree or loop).
std::vector<std::string> filesNamedBy(const std::string& argument) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(argument, ec)) return {argument};
  std::vector<std::string> files;
  try {
    for (const auto& entry : fs::recursive_directory_iterator(argument)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file()) continue;
      if (extension == ".txt" || (extension == ".xml" && isJobOrUnknownXml(entry.path().string()))) {
        files.push_back(entry.path().string());
      }
    }
  } catch (const fs::filesystem_error& e) {
    throw systemError("io.read",
                      "cannot read the directory " + e.path1().string() + ": " + e.code().message());
  }
  if (files.empty()) {
    throw usageError("usage", argument + " is a directory with no job (*.xml) or text (*.txt) file in it");
  }
  std::sort(files.begin(), files.end());
  return files;
}

int runCheck(const std::vector<std::string>& args) {
  po::options_description options(
      "usage: gongwen check FILE|DIR... [--format text|json] [--fix]\n"
      "Proof-reads job XML files or plain UTF-8 texts against GB/T 9704, GB/T 15834 and GB/T 15835.\n"
      "A directory is checked recursively: every *.xml job (root element <job>; policies, templates\n"
      "and font configurations beside them are passed over) and *.txt text under it, in sorted order\n"
      "(links to directories are not followed). Exit code 1 when any error-severity finding remains.\n\n"
      "options");
  std::string format = "text", maxInputSize;
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>(&format)->default_value("text"), "text (compiler style) or json")(
      "fix", "apply the certain fixes and rewrite each file atomically; report what remains")(
      "list-rules", "print the rule table (id, severity, clause, example, fix) and exit")(
      "max-input-size", po::value(&maxInputSize),
      "largest file to read, in bytes or with K, M, G (default 16M for a job, 64M for a text)");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::vector<std::string>>()->default_value({}, ""), "input");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);

  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (vm.count("list-rules")) {
    std::cout << check::ruleTable();
    return 0;
  }
  if (format != "text" && format != "json") {
    throw usageError("usage", "--format must be text or json, not '" + format + "'");
  }
  if (!maxInputSize.empty()) {
    const auto limit = parseByteSize(maxInputSize, "--max-input-size");
    setInputLimit(InputKind::Job, limit);
    setInputLimit(InputKind::Text, limit);
  }
  const auto arguments = vm["file"].as<std::vector<std::string>>();
  if (arguments.empty()) throw usageError("usage", "no FILE given; see gongwen check --help");
  std::vector<std::string> files;
  for (const auto& argument : arguments) {
    const auto named = filesNamedBy(argument);
    files.insert(files.end(), named.begin(), named.end());
  }

  std::vector<check::Finding> findings;
  int worst = 0;
  for (const auto& file : files) {
    try {
      if (vm.count("fix") && fixFile(file)) std::cerr << "gongwen check: " << file << ": fixes applied\n";
      auto found = check::checkFile(file);
      // What only setting the job shows (a title that must break inside a term), with the shipped fonts.
      if (rootElementOf(file) == "job") {
        for (auto& f : render::layoutFindings(job::loadJob(file), render::fontLibraryFor(""))) {
          found.push_back(std::move(f));
        }
      }
      findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
    } catch (const Error& e) {
      // One unusable file does not hide the findings in the others.
      std::cerr << "gongwen check: error[" << e.code() << "]: " << e.what() << "\n";
      worst = std::max(worst, static_cast<int>(e.exitCode()));
    }
  }
  std::cout << (format == "json" ? check::formatFindingsJson(findings) : check::formatFindings(findings));
  if (worst != 0) return worst;
  return check::hasErrors(findings) ? static_cast<int>(ExitCode::Findings) : 0;
}

const bool registered =
    registerCommand({"check", "proof-read jobs or texts (GB/T 9704, 15834, 15835)", runCheck});

}  // namespace

}  // namespace gongwen::cli
