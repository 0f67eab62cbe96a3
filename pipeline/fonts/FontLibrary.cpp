#include "pipeline/fonts/FontLibrary.h"

#include <future>
#include <mutex>
#include <stdexcept>

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

const std::vector<std::string>& familiesOf(const FontConfig& config, FontRole role) {
  static const std::vector<std::string> none;
  const auto it = config.families.find(role);
  return it == config.families.end() ? none : it->second;
}

// The first installed family of `families` from `from` on, and the position after it.
std::pair<std::optional<ResolvedFont>, size_t> firstInstalled(const std::vector<std::string>& directories,
                                                              const std::vector<std::string>& families,
                                                              size_t from) {
  for (size_t i = from; i < families.size(); ++i) {
    if (auto font = resolveFamily(directories, families[i])) return {std::move(font), i + 1};
  }
  return {std::nullopt, families.size()};
}

}  // namespace

// A role's faces in the order of its families: the first installed one resolved at construction
// and loaded when the document first uses the role, the others as a character first needs them.
// A two-page notice uses four of the five roles; loading the fifth cost it a font file's mapping
// and parse.
struct FontLibrary::RoleFaces {
  ResolvedFont first;
  std::once_flag firstLoaded;
  std::shared_ptr<const FontFace> firstFace;
  std::vector<std::shared_ptr<const FontFace>> fallbacks;  // faces 1, 2, ... (fallbackMutex)
  size_t nextFamily = 0;  // where the search for the next fallback face resumes
};

namespace {

void resolveRole(const FontConfig& config, FontRole role, FontLibrary::RoleFaces& faces) {
  const std::vector<std::string>& families = familiesOf(config, role);
  auto [font, next] = firstInstalled(config.directories, families, 0);
  if (font) {
    faces.first = std::move(*font);
    faces.nextFamily = next;
    return;
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
  FontConfig config;
  std::map<FontRole, RoleFaces> roles;
  std::mutex fallbackMutex;  // guards the faces after each role's first
};

FontLibrary::FontLibrary(const FontConfig& config) : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
  for (FontRole role : kAllRoles) resolveRole(config, role, impl_->roles[role]);
}

FontLibrary::~FontLibrary() = default;

const FontFace& FontLibrary::face(FontRole role) const {
  RoleFaces& faces = impl_->roles.at(role);
  std::call_once(faces.firstLoaded, [&faces] { faces.firstFace = cachedFace(faces.first); });
  return *faces.firstFace;
}

const FontFace* FontLibrary::fallbackFace(FontRole role, unsigned index) const {
  std::lock_guard<std::mutex> lock(impl_->fallbackMutex);
  RoleFaces& faces = impl_->roles.at(role);
  const std::vector<std::string>& families = familiesOf(impl_->config, role);
  while (faces.fallbacks.size() < index && faces.nextFamily < families.size()) {
    auto [font, next] = firstInstalled(impl_->config.directories, families, faces.nextFamily);
    faces.nextFamily = next;
    if (font) faces.fallbacks.push_back(cachedFace(*font));
  }
  return index <= faces.fallbacks.size() ? faces.fallbacks[index - 1].get() : nullptr;
}

const FontFace& FontLibrary::face(FontRole role, unsigned index) const {
  if (index == 0) return face(role);
  const FontFace* fallback = fallbackFace(role, index);
  if (!fallback) throw std::logic_error("font role has no face " + std::to_string(index));
  return *fallback;
}

std::optional<unsigned> FontLibrary::faceWithGlyph(FontRole role, char32_t c) const {
  if (face(role).glyphFor(c)) return 0u;
  for (unsigned index = 1;; ++index) {
    const FontFace* fallback = fallbackFace(role, index);
    if (!fallback) return std::nullopt;
    if (fallback->glyphFor(c)) return index;
  }
}

void FontLibrary::prepareForRepeatedSubsetting() const {
  std::vector<std::future<void>> tasks;
  for (FontRole role : kAllRoles) {
    tasks.push_back(
        std::async(std::launch::async, [this, role] { face(role).prepareForRepeatedSubsetting(); }));
  }
  for (auto& task : tasks) task.get();
}

}  // namespace gongwen::fonts
