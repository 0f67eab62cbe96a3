#pragma once
// Faces are loaded once per process and shared by every FontLibrary: a document never reloads
// a font file.

#include <memory>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/fonts/FontResolver.h"

namespace gongwen::fonts {

// The face for a resolved font, loading it on first use. Thread-safe.
std::shared_ptr<const FontFace> cachedFace(const ResolvedFont& font);

}  // namespace gongwen::fonts
