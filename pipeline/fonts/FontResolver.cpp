#include "pipeline/fonts/FontResolver.h"

#include <fontconfig/fontconfig.h>

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/core/Error.h"
#include "pipeline/fonts/ResolutionCache.h"

namespace gongwen::fonts {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

struct ConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using Config = std::unique_ptr<FcConfig, ConfigDeleter>;

// Loading fontconfig's configuration and caches costs tens of milliseconds: do it once per set
// of directories and keep the result for the life of the process, and not at all while the
// answers kept on disk (ResolutionCache.h) are still valid.
class ConfigCache {
 public:
  std::optional<ResolvedFont> resolve(const std::vector<std::string>& directories,
                                      const std::string& pattern) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& byPattern = resolved_[directories];
    if (auto it = byPattern.find(pattern); it != byPattern.end()) return it->second;
    auto disk = onDisk_.find(directories);
    if (disk == onDisk_.end()) {
      disk = onDisk_.try_emplace(directories, ResolutionCache::defaultFile(directories), directories).first;
    }
    if (auto stored = disk->second.find(pattern)) return byPattern[pattern] = *stored;
    const auto answer = match(configFor(directories), pattern);
    disk->second.store(pattern, answer);
    return byPattern[pattern] = answer;
  }

 private:
  FcConfig* configFor(const std::vector<std::string>& directories) {
    auto it = configs_.find(directories);
    if (it != configs_.end()) return it->second.get();
    Config config(FcInitLoadConfigAndFonts());
    if (!config) throw systemError("font.fontconfig", "cannot load the fontconfig configuration");
    for (const auto& dir : directories) {
      // A directory that is missing on this machine is not an error: the families after it in
      // the configuration may still be installed elsewhere.
      FcConfigAppFontAddDir(config.get(), reinterpret_cast<const FcChar8*>(dir.c_str()));
    }
    return configs_.emplace(directories, std::move(config)).first->second.get();
  }

  // fontconfig's own rule for family names: case and spaces do not matter.
  static std::string folded(const FcChar8* text) {
    std::string out;
    for (const FcChar8* p = text; *p; ++p) {
      if (*p != ' ') out.push_back(static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
    }
    return out;
  }

  static bool hasValue(FcPattern* font, const char* object, const FcChar8* wanted) {
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(font, object, i, &value) == FcResultMatch; ++i) {
      if (folded(value) == folded(wanted)) return true;
    }
    return false;
  }

  static std::optional<ResolvedFont> match(FcConfig* config, const std::string& text) {
    Pattern requested(FcNameParse(reinterpret_cast<const FcChar8*>(text.c_str())));
    FcChar8* family = nullptr;
    if (!requested || FcPatternGetString(requested.get(), FC_FAMILY, 0, &family) != FcResultMatch) return {};
    FcChar8* style = nullptr;
    const bool wantsStyle = FcPatternGetString(requested.get(), FC_STYLE, 0, &style) == FcResultMatch;

    Pattern query(FcPatternDuplicate(requested.get()));
    FcConfigSubstitute(config, query.get(), FcMatchPattern);
    FcDefaultSubstitute(query.get());
    FcResult result = FcResultNoMatch;
    Pattern font(FcFontMatch(config, query.get(), &result));
    if (!font || result != FcResultMatch) return {};
    if (!hasValue(font.get(), FC_FAMILY, family)) return {};
    if (wantsStyle && !hasValue(font.get(), FC_STYLE, style)) return {};

    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(font.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
    FcPatternGetInteger(font.get(), FC_INDEX, 0, &index);
    return ResolvedFont{reinterpret_cast<const char*>(file), static_cast<unsigned>(index),
                        reinterpret_cast<const char*>(family)};
  }

  std::mutex mutex_;
  std::map<std::vector<std::string>, Config> configs_;
  std::map<std::vector<std::string>, ResolutionCache> onDisk_;
  std::map<std::vector<std::string>, std::map<std::string, std::optional<ResolvedFont>>> resolved_;
};

ConfigCache& configCache() {
  static ConfigCache cache;
  return cache;
}

}  // namespace

std::optional<ResolvedFont> resolveFamily(const std::vector<std::string>& directories,
                                          const std::string& pattern) {
  return configCache().resolve(directories, pattern);
}

}  // namespace gongwen::fonts
