#pragma once
// pipeline/fonts/FontEngine.h's FamilyMatcher over fontconfig.

#include <memory>
#include <string>
#include <vector>

#include "pipeline/fonts/FontEngine.h"

namespace gongwen::fonts {

// The system's configuration with `directories` added, or null when it cannot be loaded.
std::unique_ptr<FamilyMatcher> fontconfigMatcher(const std::vector<std::string>& directories);

}  // namespace gongwen::fonts
