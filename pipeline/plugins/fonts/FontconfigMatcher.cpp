#include "pipeline/plugins/fonts/FontconfigMatcher.h"

#include <fontconfig/fontconfig.h>

#include <utility>

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

// fontconfig's own rule for family names: case and spaces do not matter.
std::string folded(const FcChar8* text) {
  std::string out;
  for (const FcChar8* p = text; *p; ++p) {
    if (*p != ' ') out.push_back(static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
  }
  return out;
}

bool hasValue(FcPattern* font, const char* object, const FcChar8* wanted) {
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(font, object, i, &value) == FcResultMatch; ++i) {
    if (folded(value) == folded(wanted)) return true;
  }
  return false;
}

class Matcher final : public FamilyMatcher {
 public:
  explicit Matcher(Config config) : config_(std::move(config)) {}

  std::optional<ResolvedFont> match(const std::string& text) const override {
    Pattern requested(FcNameParse(reinterpret_cast<const FcChar8*>(text.c_str())));
    FcChar8* family = nullptr;
    if (!requested || FcPatternGetString(requested.get(), FC_FAMILY, 0, &family) != FcResultMatch) return {};
    FcChar8* style = nullptr;
    const bool wantsStyle = FcPatternGetString(requested.get(), FC_STYLE, 0, &style) == FcResultMatch;

    Pattern query(FcPatternDuplicate(requested.get()));
    FcConfigSubstitute(config_.get(), query.get(), FcMatchPattern);
    FcDefaultSubstitute(query.get());
    FcResult result = FcResultNoMatch;
    Pattern font(FcFontMatch(config_.get(), query.get(), &result));
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

 private:
  Config config_;
};

}  // namespace

std::unique_ptr<FamilyMatcher> fontconfigMatcher(const std::vector<std::string>& directories) {
  Config config(FcInitLoadConfigAndFonts());
  if (!config) return nullptr;
  for (const auto& dir : directories) {
    // A directory that is missing on this machine is not an error: the families after it in
    // the configuration may still be installed elsewhere.
    FcConfigAppFontAddDir(config.get(), reinterpret_cast<const FcChar8*>(dir.c_str()));
  }
  return std::make_unique<Matcher>(std::move(config));
}

}  // namespace gongwen::fonts
