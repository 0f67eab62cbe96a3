#include "pipeline/archive/RegistryPresence.h"

#include <filesystem>

#include "pipeline/core/Error.h"

namespace gongwen::archive {

void registryMissing(const std::string& where) {
  throw Error(ExitCode::SignatureInvalid, "archive.registry-missing",
              where +
                  " is missing: without the registry nothing in the replicas can be checked or lent; "
                  "restore it from a backup of the archive");
}

void requireRegistry(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) registryMissing(path);
}

}  // namespace gongwen::archive
