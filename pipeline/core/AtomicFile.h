#pragma once
// Outputs are never written half: bytes go to a temporary file in the target's directory, are
// flushed to disk (unless WriteOptions::flush says not to), then renamed over the target. A failure leaves
// the target as it was.
//
// And an output never destroys anything else. Refused, exit 6, before anything is written:
//   io.output-is-input     a file this process read or depends on (ProtectedPaths.h), by any name;
//   io.output-not-regular  a directory, device, FIFO or socket (`-o /dev/null` as root);
//   io.output-hard-linked  a file with several hard links (the rename would split them);
//   io.output-symlink-untrusted  a symbolic link in a sticky world-writable directory (/tmp)
//                          owned by someone else (as the kernel's fs.protected_symlinks);
//   usage.output (exit 2)  an empty path.
// A symbolic link is written through: its final target is replaced, the link stays. A replaced
// file keeps its mode (and, as root, its owner and group); a new file gets 0666 less the umask;
// WriteOptions::ownerOnly makes it 0600 whatever the umask. The path "-" is standard output.
// Temporaries are named `.<name>.gongwen-<pid>-XXXXXX`; a write removes those of its output left
// by processes that no longer exist.

#include <string>
#include <string_view>

namespace gongwen {

struct WriteOptions {
  // 0600 whatever the umask and the mode of the file replaced: outputs of classified (密级) documents.
  bool ownerOnly = false;
  // The output is the file the command read and now rewrites (check --fix): the record of inputs
  // does not protect it.
  bool replacesInput = false;
  // Flushed to the disk, the file and then its rename, before the write returns: the output survives
  // a power loss. False for a file its writer can make again or flushes later with others (the
  // batch's revisions in its work directory): the write is as atomic for a killed process, whose
  // written bytes the kernel keeps, but a power loss may take it back.
  bool flush = true;
};

// Writes `bytes` to `path` atomically, or to standard output when `path` is "-". Throws the errors
// above, or Error(System, "io.write") naming the path.
void writeFileAtomically(const std::string& path, std::string_view bytes, const WriteOptions& options = {});

// Takes back what writeFileAtomically(path, ...) wrote: removes the file its symbolic links lead to
// (the link stays, dangling). Nothing for "-".
void removeOutput(const std::string& path);

// Reads a whole file of no particular kind, for tests and tools; the commands read each input with
// readInput (InputFile.h) and its kind's limit. Held to the largest limit, a PDF's.
std::string readFile(const std::string& path);

// True when `path` is readable by its owner only: what a classified document's PDF is, so that what
// is made from it (a signed revision) can stay so.
bool isOwnerOnly(const std::string& path);

// The checks writeFileAtomically makes, up front, so that a long job fails before doing the work.
// The write checks again: a command may read more inputs in between.
void ensureWritable(const std::string& path, const WriteOptions& options = {});

}  // namespace gongwen
