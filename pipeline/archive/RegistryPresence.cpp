#include "pipeline/archive/RegistryPresence.h"

#include <filesystem>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

void requireRegistry(const ArchiveLayout& layout) {
  std::error_code error;
  if (!std::filesystem::exists(layout.registryPath(), error)) {
    throw Error(ExitCode::SignatureInvalid, "archive.registry-missing",
                layout.registryPath() +
                    " is missing: without the registry nothing in the replicas can be checked or lent; "
                    "restore it from a backup of the archive");
  }
}

}  // namespace gongwen::archive
