#pragma once
// DA/T 70 安全性 of a replica tree: nobody but the archive may change what it keeps, a classified
// bag is readable by its owner only, and the tree holds nothing but directories and regular files
// (a symbolic link would let the audit hash one file and the export hand out another).

#include <string>
#include <vector>

namespace gongwen::archive {

struct ModeFinding {
  std::string code;  // archive.world-writable, archive.not-owner-only, archive.not-a-regular-file
  std::string path;
  std::string message;
};

// Walks `root` without following symbolic links; `ownerOnly`: the tree is a classified bag. A root
// that does not exist has no findings (the fixity audit reports it missing).
std::vector<ModeFinding> checkFileModes(const std::string& root, bool ownerOnly);

}  // namespace gongwen::archive
