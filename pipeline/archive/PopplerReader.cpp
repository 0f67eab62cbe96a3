#include "pipeline/archive/PopplerReader.h"

#include "pipeline/core/Plugin.h"

namespace gongwen::archive {

PopplerOpening openWithPoppler(const std::string& bytes) {
  using Entry = const PopplerReader* (*)();
  static const PopplerReader* const reader = reinterpret_cast<Entry>(
      pluginEntry("libgongwen-poppler.so", GONGWEN_PLUGIN_ENTRY_NAME(GONGWEN_POPPLER_PLUGIN_ENTRY),
                  "reading archived PDFs"))();
  return reader->open(bytes);
}

}  // namespace gongwen::archive
