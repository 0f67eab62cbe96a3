#pragma once
// Loading fontconfig's configuration and caches costs more than laying out and writing a two-page
// notice, and a single `gongwen render` asks it the same questions every time. So its answers for
// a font configuration's families are kept in a per-user file ($XDG_CACHE_HOME/gongwen), valid only
// while everything fontconfig's answer depends on is unchanged: fontconfig's version, its
// configuration files, its caches, every font directory it scans and the configuration's own
// directories (each by type, size and modification time), and the answered font file itself. The
// file lists each of those paths with its stamp, so that checking it takes one stat per path and
// lists no directory.
//
// The file is a cache, not an input: one that is missing, corrupt, stale, forged (an answer outside
// the font directories, a sum that does not match) or unwritable is ignored and fontconfig is asked.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/fonts/FontResolver.h"

namespace gongwen::fonts {

class ResolutionCache {
 public:
  // The cache of answers for a font configuration with these extra `directories`, kept in `file`
  // (read now; an empty path keeps nothing).
  ResolutionCache(std::string file, const std::vector<std::string>& directories);

  // The answer stored for `pattern` (a font or "not installed") while it is still valid, or
  // nothing when fontconfig must be asked.
  std::optional<std::optional<ResolvedFont>> find(const std::string& pattern) const;

  // Records fontconfig's answer and rewrites the file atomically; a failure to write is ignored.
  void store(const std::string& pattern, const std::optional<ResolvedFont>& font);

  // $XDG_CACHE_HOME/gongwen/fonts-<hash of the directories>.cache (~/.cache when XDG_CACHE_HOME is
  // unset), or "" when there is neither.
  static std::string defaultFile(const std::vector<std::string>& directories);

 private:
  struct Answer {
    std::optional<ResolvedFont> font;
    std::string fileStamp;  // the font file's size and modification time when answered
  };

  void read();

  std::string file_;
  std::vector<std::string> fontDirectories_;  // where an answer may point
  std::map<std::string, Answer> answers_;
};

}  // namespace gongwen::fonts
