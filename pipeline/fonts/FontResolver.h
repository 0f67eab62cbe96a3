#pragma once
// Finds the file behind a fontconfig family pattern, in a private fontconfig configuration that
// adds the deployer's font directories without touching the system's.

#include <optional>
#include <string>
#include <vector>

namespace gongwen::fonts {

struct ResolvedFont {
  std::string path;
  unsigned faceIndex = 0;
  std::string family;  // the family fontconfig matched, as it names it
};

// `pattern` is a fontconfig pattern such as "FandolFang" or "Noto Serif CJK SC:style=Bold".
// Returns nothing unless an installed face really has that family (and style, when given):
// fontconfig's own matching always returns some font, which is not what the deployer asked for.
// Thread-safe; the configuration for a set of directories is built once per process.
std::optional<ResolvedFont> resolveFamily(const std::vector<std::string>& directories,
                                          const std::string& pattern);

}  // namespace gongwen::fonts
