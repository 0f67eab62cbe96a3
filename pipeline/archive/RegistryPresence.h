#pragma once
// Commands that change an existing archive (audit, borrow, return) must not open a registry that
// is gone: SQLite would make an empty one, and the archive would seem to hold nothing.

#include "pipeline/archive/ArchiveLayout.h"

namespace gongwen::archive {

// Throws Error(SignatureInvalid, "archive.registry-missing") when the layout's registry is not there.
void requireRegistry(const ArchiveLayout& layout);

}  // namespace gongwen::archive
