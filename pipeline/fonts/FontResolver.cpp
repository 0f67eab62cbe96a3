#include "pipeline/fonts/FontResolver.h"

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontEngine.h"
#include "pipeline/fonts/ResolutionCache.h"

namespace gongwen::fonts {
namespace {

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
    const auto answer = matcherFor(directories).match(pattern);
    disk->second.store(pattern, answer);
    return byPattern[pattern] = answer;
  }

 private:
  const FamilyMatcher& matcherFor(const std::vector<std::string>& directories) {
    auto it = matchers_.find(directories);
    if (it != matchers_.end()) return *it->second;
    std::unique_ptr<FamilyMatcher> matcher = fontEngine().matcher(directories);
    if (!matcher) throw systemError("font.fontconfig", "cannot load the fontconfig configuration");
    return *matchers_.emplace(directories, std::move(matcher)).first->second;
  }

  std::mutex mutex_;
  std::map<std::vector<std::string>, std::unique_ptr<FamilyMatcher>> matchers_;
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
