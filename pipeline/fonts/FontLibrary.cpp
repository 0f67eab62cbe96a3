#include "pipeline/fonts/FontLibrary.h"

#include <future>

#include "pipeline/core/Error.h"
#include "pipeline/fonts/FaceCache.h"
#include "pipeline/fonts/FontResolver.h"

namespace gongwen::fonts {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::shared_ptr<const FontFace> resolveRole(const FontConfig& config, FontRole role) {
  const auto it = config.families.find(role);
  const std::vector<std::string> none;
  const auto& families = it == config.families.end() ? none : it->second;
  for (const auto& family : families) {
    if (auto font = resolveFamily(config.directories, family)) return cachedFace(*font);
  }
  std::string source = config.sourceFile.empty() ? "font configuration" : config.sourceFile;
  if (const auto line = config.roleLines.find(role); line != config.roleLines.end()) {
    source += ":" + std::to_string(line->second) + ": <role name=\"" + std::string(roleName(role)) + "\">";
  }
  const std::string roleText =
      "font role " + std::string(roleName(role)) + " (" + std::string(roleDisplayName(role)) + ")";
  if (families.empty()) {
    throw inputError("font.unresolved",
                     source + ": " + roleText + " has no <role> entry; add one with its families");
  }
  throw inputError("font.unresolved", source + ": " + roleText +
                                          ": none of the families is installed (tried " + joined(families) +
                                          "); install one of them or add its directory with <dir>");
}

}  // namespace

struct FontLibrary::Impl {
  std::map<FontRole, std::shared_ptr<const FontFace>> faces;
};

FontLibrary::FontLibrary(const FontConfig& config) : impl_(std::make_unique<Impl>()) {
  for (FontRole role : kAllRoles) impl_->faces[role] = resolveRole(config, role);
}

FontLibrary::~FontLibrary() = default;

const FontFace& FontLibrary::face(FontRole role) const { return *impl_->faces.at(role); }

void FontLibrary::prepareForRepeatedSubsetting() const {
  std::vector<std::future<void>> tasks;
  for (const auto& [role, face] : impl_->faces) {
    tasks.push_back(std::async(std::launch::async, [face = face] { face->prepareForRepeatedSubsetting(); }));
  }
  for (auto& task : tasks) task.get();
}

}  // namespace gongwen::fonts
