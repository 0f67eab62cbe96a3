#include "pipeline/fonts/FaceCache.h"

#include <map>
#include <mutex>
#include <utility>

#include "pipeline/fonts/LoadedFace.h"

namespace gongwen::fonts {

std::shared_ptr<const FontFace> cachedFace(const ResolvedFont& font) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, unsigned>, std::shared_ptr<const FontFace>> faces;
  std::lock_guard<std::mutex> lock(mutex);
  auto& face = faces[{font.path, font.faceIndex}];
  if (!face) face = std::make_shared<LoadedFace>(font.path, font.faceIndex, font.family);
  return face;
}

}  // namespace gongwen::fonts
