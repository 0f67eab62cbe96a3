#include "pipeline/fonts/FontEngine.h"

#include "pipeline/core/Plugin.h"

namespace gongwen::fonts {

const FontEngine& fontEngine() {
  using Entry = const FontEngine* (*)();
  static const FontEngine* const engine = reinterpret_cast<Entry>(pluginEntry(
      "libgongwen-fonts.so", GONGWEN_PLUGIN_ENTRY_NAME(GONGWEN_FONTS_PLUGIN_ENTRY), "laying out text"))();
  return *engine;
}

}  // namespace gongwen::fonts
