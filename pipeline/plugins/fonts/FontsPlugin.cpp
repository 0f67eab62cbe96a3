// libgongwen-fonts.so: pipeline/fonts/FontEngine.h over HarfBuzz, FreeType and fontconfig.

#include <fontconfig/fontconfig.h>

#include "pipeline/fonts/FontEngine.h"
#include "pipeline/plugins/fonts/FontconfigMatcher.h"
#include "pipeline/plugins/fonts/HarfBuzzProgram.h"

namespace gongwen::fonts {
namespace {

class Engine final : public FontEngine {
 public:
  std::unique_ptr<FontProgram> open(const std::string& path, unsigned faceIndex) const override {
    return openWithHarfBuzz(path, faceIndex);
  }
  std::unique_ptr<FamilyMatcher> matcher(const std::vector<std::string>& directories) const override {
    return fontconfigMatcher(directories);
  }
  int fontconfigVersion() const override { return FcGetVersion(); }
};

}  // namespace
}  // namespace gongwen::fonts

extern "C" __attribute__((visibility("default"))) const gongwen::fonts::FontEngine*
GONGWEN_FONTS_PLUGIN_ENTRY() {
  static const gongwen::fonts::Engine engine;
  return &engine;
}
