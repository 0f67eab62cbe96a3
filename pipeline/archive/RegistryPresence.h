#pragma once
// Commands that change an existing archive (audit, borrow, return) must not open a registry that
// is gone: SQLite would make an empty one, a server database would be given empty tables, and the
// archive would seem to hold nothing.

#include <string>

namespace gongwen::archive {

// Error(SignatureInvalid, "archive.registry-missing") naming `where` (the registry's path, or the
// server database's redacted URL).
[[noreturn]] void registryMissing(const std::string& where);

// registryMissing() when there is no SQLite registry at `path`.
void requireRegistry(const std::string& path);

}  // namespace gongwen::archive
