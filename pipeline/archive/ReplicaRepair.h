#pragma once
// Puts a good copy back where a replica's is damaged or missing, durably, and never leaves a half
// copy under the real name: a file is written to a temporary name beside it, flushed with fsync and
// renamed over the damaged entry (the entry itself: a link or FIFO planted in its place is removed,
// never followed); a bag is built whole in the replica root under a name beginning with '.' (never a
// bag, ArchiveLayout.h), flushed, then renamed into place. The caller holds the archive's exclusive
// lock, so temporaries it finds were left by a process that died.

#include <string>
#include <utility>
#include <vector>

namespace gongwen::archive {

// Replaces `target` (whose directory exists) with the bytes of `source`. Mode: 0600 when
// `ownerOnly` (a classified bag), else the source's without write permission for others.
void restoreFile(const std::string& source, const std::string& target, bool ownerOnly);

// Builds the bag `target` in `root` from `files` (path relative to the bag root, good source file),
// replacing whatever entry `target` is.
void restoreBag(const std::string& root, const std::string& target,
                const std::vector<std::pair<std::string, std::string>>& files, bool ownerOnly);

// The names restoreBag() uses for its temporaries, so that the audit removes those of a dead process.
bool isRepairLeftover(const std::string& name);

// Creates a missing replica root (not its parents: a root on a disk that is not mounted must stay
// missing rather than appear on another disk). Throws Error(System, "archive.write").
void restoreRoot(const std::string& root);

}  // namespace gongwen::archive
