#include "pipeline/fonts/FontRole.h"

#include "pipeline/core/Error.h"

namespace gongwen::fonts {

std::string_view roleName(FontRole role) {
  switch (role) {
    case FontRole::Fangsong: return "fangsong";
    case FontRole::Xiaobiaosong: return "xiaobiaosong";
    case FontRole::Heiti: return "heiti";
    case FontRole::Kaiti: return "kaiti";
    case FontRole::Songti: return "songti";
  }
  return "unknown";
}

std::string_view roleDisplayName(FontRole role) {
  switch (role) {
    case FontRole::Fangsong: return "仿宋";
    case FontRole::Xiaobiaosong: return "小标宋";
    case FontRole::Heiti: return "黑体";
    case FontRole::Kaiti: return "楷体";
    case FontRole::Songti: return "宋体";
  }
  return "unknown";
}

FontRole parseRole(std::string_view name, const std::string& where) {
  for (FontRole r : kAllRoles) {
    if (roleName(r) == name) return r;
  }
  throw inputError("font.unknown-role",
                   where + ": unknown font role '" + std::string(name) +
                       "'; use one of fangsong, xiaobiaosong, heiti, kaiti, songti");
}

}  // namespace gongwen::fonts
