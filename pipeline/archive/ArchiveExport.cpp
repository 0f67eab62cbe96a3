#include "pipeline/archive/ArchiveExport.h"

#include <filesystem>

#include "pipeline/archive/Digest.h"
#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/OutputTarget.h"

namespace fs = std::filesystem;

namespace gongwen::archive {

namespace {

bool inside(const fs::path& path, const fs::path& directory) {
  const fs::path relative = path.lexically_relative(directory);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

CheckedCopy readCheckedCopy(const ArchiveLayout& layout, const DocumentRecord& document) {
  CheckedCopy copy;
  std::string problems;
  for (std::size_t r = 0; r < kReplicaCount; ++r) {
    const std::string bag = layout.bagPath(r, document.id);
    std::vector<BagProblem> found = validateBag(bag, document.files);
    if (found.empty()) {
      std::string pdf = readFile(bag + "/data/document.pdf");
      // Read once more after the check: what is exported is what was checked.
      if (sha256Hex(pdf) == document.pdfSha256) {
        copy.pdf = std::move(pdf);
        copy.replica = r;
        return copy;
      }
      found.push_back({"bag.registry", "data/document.pdf", "data/document.pdf changed while it was read"});
    }
    problems += std::string(problems.empty() ? "" : "; ") + replicaRole(r) + ": " + found.front().message;
    copy.skipped.push_back({r, std::move(found)});
  }
  throw Error(ExitCode::SignatureInvalid, "archive.no-good-copy",
              document.id + ": no replica holds a good copy (" + problems +
                  "); the document is lost unless a backup has it: run `gongwen archive audit`");
}

void refuseOutputInsideArchive(const std::string& output, const ArchiveLayout& layout) {
  if (output == "-") return;
  const fs::path target = fs::weakly_canonical(fs::absolute(followLinks(output)));
  std::vector<std::string> protectedDirs(layout.replicas().begin(), layout.replicas().end());
  protectedDirs.push_back(layout.dir());
  for (const std::string& dir : protectedDirs) {
    if (inside(target, fs::weakly_canonical(dir)))
      throw systemError("io.output-is-input", output + ": lies inside the archive (" + dir +
                                                  "); an export never writes into the archive: give -o "
                                                  "a path outside it");
  }
}

}  // namespace gongwen::archive
