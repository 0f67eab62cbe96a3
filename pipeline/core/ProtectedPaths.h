#pragma once
// The files this process has read or depends on (jobs, templates, font configurations, the policy
// and every file it names: register, keys, certificates, seal images; password and PIN files), so
// that no output can ever be written over one of them: `-o policy.xml` or `-o` the seal register
// is refused instead of destroying it.

#include <sys/stat.h>
#include <optional>
#include <string>
#include <vector>

namespace gongwen {

// Records `path` as an input: its device and inode when it exists (so another name or a hard link
// for it is recognised too) and its canonical path, every symbolic link on it resolved even when it
// leads nowhere yet (so a file that does not exist yet, such as a register's -wal file, is protected
// by its own name and by where its links lead). Thread-safe; cheap enough to call on every read.
void noteInput(const std::string& path);

// noteInput for each of `paths`, each directory among them resolved once: for the many files a
// policy names, noted together.
void noteInputs(const std::vector<std::string>& paths);

// The input `path` is, as the name it was noted under, or nullopt. `existing` is the stat of the
// file `path` names when it exists; an empty `path` compares only that (an open descriptor).
std::optional<std::string> notedInputAt(const std::string& path, const struct stat* existing);

}  // namespace gongwen
