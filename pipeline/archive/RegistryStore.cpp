#include "pipeline/archive/RegistryStore.h"

#include "pipeline/archive/ServerArchiveRegistry.h"
#include "pipeline/archive/SqliteRegistryStore.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::archive {

std::unique_ptr<RegistryStore> openRegistryStore(const std::string& location, RegistryAccess access) {
  if (policy::server::isServerUrl(location)) return std::make_unique<ServerArchiveRegistry>(location, access);
  return std::make_unique<SqliteRegistryStore>(location, access == RegistryAccess::ReadOnly
                                                             ? ArchiveRegistry::Access::ReadOnly
                                                             : ArchiveRegistry::Access::ReadWrite);
}

}  // namespace gongwen::archive
