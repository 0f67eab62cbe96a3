#pragma once
// GB/T 9704 names fonts by role, not by file: a deployer maps each role to font families
// (fonts.xml); the layout asks for a role.

#include <string>
#include <string_view>

namespace gongwen::fonts {

enum class FontRole {
  Fangsong,      // 仿宋: body text and most elements
  Xiaobiaosong,  // 小标宋: title and the issuing organ's mark
  Heiti,         // 黑体: level-1 headings, 密级, 紧急程度, 附件 label, 出席
  Kaiti,         // 楷体: level-2 headings, 签发人 names
  Songti,        // 宋体: page numbers
};

inline constexpr FontRole kAllRoles[] = {FontRole::Fangsong, FontRole::Xiaobiaosong, FontRole::Heiti,
                                         FontRole::Kaiti, FontRole::Songti};

// "fangsong", "xiaobiaosong", "heiti", "kaiti", "songti" — the names fonts.xml uses.
std::string_view roleName(FontRole role);
// The Chinese name for messages: 仿宋, 小标宋, 黑体, 楷体, 宋体.
std::string_view roleDisplayName(FontRole role);
// Throws Error(InputInvalid, "font.unknown-role") naming `where` and the accepted names.
FontRole parseRole(std::string_view name, const std::string& where);

}  // namespace gongwen::fonts
