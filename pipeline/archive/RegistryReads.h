#pragma once
// Reading a registered document with all its rows, the same for the SQLite and the server registry
// (RegistryQuery.h): `archive show`, `export` and the audit read documents through it.

#include <optional>
#include <string>

#include "pipeline/archive/RegistryQuery.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

std::optional<DocumentRecord> readDocument(RegistryReader& reader, const std::string& id);

}  // namespace gongwen::archive
