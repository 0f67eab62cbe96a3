// gongwen archive export ID --archive DIR [--registry URL] -o OUT.pdf: the archived PDF byte for byte, after
// a fixity check of the replica it is read from.

#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/archive/ArchiveExport.h"
#include "pipeline/archive/RegistryStore.h"
#include "pipeline/cli/ArchiveCommand.h"
#include "pipeline/cli/ArchiveOptions.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"

namespace po = boost::program_options;

namespace gongwen::cli {
namespace {

const char* const kSynopsis = "export ID --archive DIR [--registry URL] -o OUT.pdf";

int exportBody(const std::vector<std::string>& args) {
  po::options_description visible(std::string("usage: gongwen archive ") + kSynopsis);
  std::string dir, registryUrl, id, output;
  visible.add_options()("help,h", "print this help")("archive", po::value(&dir), "the archive directory")(
      "output,o", po::value(&output),
      "where to write the PDF (- for standard output); never inside the archive");
  addRegistryOption(visible, registryUrl);
  if (parseWithId(args, visible, "id", id)) {
    std::cout << visible
              << "\nReads the original's bag; when it fails the fixity check (bag manifests, and every file\n"
                 "against the SHA-256 the registry recorded at ingest) the next good copy is used, and the\n"
                 "damaged replica is named (run `gongwen archive audit` to repair it).\n"
                 "exit codes: 0 ok, 2 usage, 3 DIR is not an archive or has no document ID,\n"
                 "5 no replica holds a good copy, 6 I/O error, -o inside the archive or the --registry\n"
                 "server cannot be reached\n";
    return 0;
  }
  if (dir.empty() || id.empty() || output.empty())
    throw usageError("usage",
                     "give the document, the archive and the output: export ID --archive DIR -o OUT.pdf");
  checkRegistryOption(registryUrl);
  const archive::ArchiveLayout layout = archive::openArchive(dir);
  noteInput(layout.registryPath());
  archive::refuseOutputInsideArchive(output, layout);
  ensureWritable(output);
  const std::unique_ptr<archive::RegistryStore> registry =
      archive::openArchiveRegistry(layout, registryUrl, archive::RegistryAccess::ReadOnly);
  const archive::DocumentRecord document = archive::registeredDocument(*registry, id, dir);
  const archive::CheckedCopy copy = archive::readCheckedCopy(layout, document);
  writeFileAtomically(output, copy.pdf);
  std::ostream& out = output == "-" ? std::cerr : std::cout;
  for (const archive::SkippedReplica& skipped : copy.skipped) {
    out << "warning: " << archive::replicaRole(skipped.replica) << " of " << id
        << " fails the fixity check: " << skipped.problems.front().message
        << "; run `gongwen archive audit` to repair it\n";
  }
  out << "exported " << id << " from " << archive::replicaRole(copy.replica) << " (fixity checked) → "
      << output << "\n";
  return 0;
}

const bool registered = registerArchiveAction({"export", kSynopsis, exportBody});

}  // namespace
}  // namespace gongwen::cli
