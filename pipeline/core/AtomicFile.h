#pragma once
// Outputs are never written half: bytes go to a temporary file in the target's directory, are
// flushed to disk, then renamed over the target. A failure leaves the target as it was.

#include <string>
#include <string_view>

namespace gongwen {

// Writes `bytes` to `path` atomically. Throws Error(System, "io.write") naming the path.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// Reads a whole file of no particular kind, for tests and tools; the commands read each input with
// readInput (InputFile.h) and its kind's limit. Held to the largest limit, a PDF's.
std::string readFile(const std::string& path);

// Checks up front that `path` can be created or replaced (its directory exists and is writable),
// so that a long job fails before doing the work. Throws Error(System, "io.write").
void ensureWritable(const std::string& path);

}  // namespace gongwen
