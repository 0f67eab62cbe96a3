#pragma once
// Validating a policy or a job against its XSD (compiling the schema, then walking the document)
// was the largest part of a cold `sign` after the key's own decryption, and every command did it
// again for the same unchanged files. A validation's verdict depends only on the schema's bytes,
// the document's bytes, libxml2's version and the options it parses with, so a pass is remembered
// in this user's cache ($XDG_CACHE_HOME/gongwen/validated, UserCacheDir.h) under the SHA-256 of
// them all: only a byte-identical document already found valid against a byte-identical schema
// skips validation. An entry that is missing, unreadable, not a plain file of this user's that only
// they may write, or whose content does not repeat its own name means "validate". A cache grown
// past 1024 entries is emptied by the next write.

#include <string>

namespace gongwen::xml {

// The entry that stands for "the document whose bytes have the SHA-256 `documentDigest` is valid
// against the schema `schemaRelative` whose bytes have the SHA-256 `schemaDigest`".
std::string validationEntryName(const std::string& schemaRelative, const std::string& schemaDigest,
                                const std::string& documentDigest);

// True only when a trusted entry `name` is in the cache.
bool wasFoundValid(const std::string& name);

// Records a pass; a cache that cannot be written is no error (the next run validates again).
// A full cache is emptied but for this entry.
void rememberFoundValid(const std::string& name);

}  // namespace gongwen::xml
