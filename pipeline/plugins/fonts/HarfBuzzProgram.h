#pragma once
// pipeline/fonts/FontEngine.h's FontProgram over HarfBuzz, with FreeType for CIDs.

#include <memory>
#include <string>

#include "pipeline/fonts/FontEngine.h"

namespace gongwen::fonts {

// Face `faceIndex` of the file, or null when the file cannot be read.
std::unique_ptr<FontProgram> openWithHarfBuzz(const std::string& path, unsigned faceIndex);

}  // namespace gongwen::fonts
