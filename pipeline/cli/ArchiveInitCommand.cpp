// gongwen archive init DIR [--replica PATH --replica PATH --replica PATH]

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/archive/ArchiveLayout.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/core/Error.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis = "init DIR [--replica PATH --replica PATH --replica PATH]";

int initBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  std::vector<std::string> replicas;
  std::string dir;
  visible.add_options()("help,h", "print this help")(
      "replica", po::value(&replicas),
      "a replica root, three times: the original, copy 1, copy 2 (may be on other disks)");
  po::options_description hidden;
  hidden.add_options()("dir", po::value(&dir));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("dir", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible
              << "\nCreates the archive DIR: its registry (registry.sqlite), archive.conf naming the three\n"
                 "replica roots (default DIR/original, DIR/copy-1, DIR/copy-2) and the roots themselves.\n"
                 "Initialising again with the same roots changes nothing.\n"
                 "exit codes: 0 ok, 2 usage, 3 DIR is an archive with other roots, 6 I/O error\n";
    return 0;
  }
  if (dir.empty()) throw usageError("usage", "give the archive directory: gongwen archive init DIR");
  const archive::ArchiveLayout layout = archive::initArchive(dir, replicas);
  std::cout << "archive " << layout.dir() << ": registry " << layout.registryPath() << "\n";
  for (std::size_t i = 0; i < archive::kReplicaCount; ++i)
    std::cout << "  " << archive::replicaRole(i) << ": " << layout.replicas()[i] << "\n";
  return 0;
}

const bool registered = registerArchiveAction({"init", kSynopsis, initBody});

}  // namespace
}  // namespace gongwen::cli
