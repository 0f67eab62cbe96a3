#pragma once
// Where an output may go: the file a write will replace once the output's symbolic links are
// followed, after the refusals AtomicFile.h lists.

#include <sys/stat.h>

#include <optional>
#include <string>

#include "pipeline/core/AtomicFile.h"

namespace gongwen {

struct OutputTarget {
  std::string path;                     // the output, or the file its symbolic links lead to
  std::optional<struct stat> existing;  // that file, when it exists (a regular file with one link)
};

// Throws the refusals of AtomicFile.h naming `output`, or Error(System, "io.write").
OutputTarget resolveOutput(const std::string& output, const WriteOptions& options);

// The file a write through `output` replaces: its final-component links followed one by one.
std::string followLinks(const std::string& output);

// The same refusals for an open file descriptor (standard output): no input of this process.
void refuseInputDescriptor(int fd, const std::string& name);

// "dir" of "dir/a.pdf", "." of "a.pdf", "/" of "/a.pdf".
std::string directoryOf(const std::string& path);

}  // namespace gongwen
