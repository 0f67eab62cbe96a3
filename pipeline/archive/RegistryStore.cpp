#include "pipeline/archive/RegistryStore.h"

#include "pipeline/archive/RegistryPresence.h"
#include "pipeline/archive/RegistryReads.h"
#include "pipeline/archive/ServerArchiveRegistry.h"
#include "pipeline/archive/SqliteRegistryStore.h"
#include "pipeline/core/Error.h"
#include "pipeline/policy/ServerDatabase.h"

namespace gongwen::archive {

std::optional<DocumentRecord> RegistryStore::document(const std::string& id) const {
  std::optional<DocumentRecord> found;
  read([&](RegistryReader& reader) { found = readDocument(reader, id); });
  return found;
}

std::unique_ptr<RegistryStore> openRegistryStore(const std::string& location, RegistryAccess access) {
  if (policy::server::isServerUrl(location)) return std::make_unique<ServerArchiveRegistry>(location, access);
  if (access == RegistryAccess::Existing) requireRegistry(location);
  return std::make_unique<SqliteRegistryStore>(location, access == RegistryAccess::ReadOnly
                                                             ? ArchiveRegistry::Access::ReadOnly
                                                             : ArchiveRegistry::Access::ReadWrite);
}

std::unique_ptr<RegistryStore> openArchiveRegistry(const ArchiveLayout& layout, const std::string& serverUrl,
                                                   RegistryAccess access) {
  return openRegistryStore(serverUrl.empty() ? layout.registryPath() : serverUrl, access);
}

DocumentRecord registeredDocument(const RegistryStore& registry, const std::string& id,
                                  const std::string& dir) {
  std::optional<DocumentRecord> document = registry.document(id);
  if (!document)
    throw inputError("archive.unknown-id", dir + ": has no document " + id +
                                               "; `gongwen archive find --archive " + dir + "` lists them");
  return std::move(*document);
}

}  // namespace gongwen::archive
