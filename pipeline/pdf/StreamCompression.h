#pragma once
// How the writer compresses stream data for /FlateDecode. Thread-safe.

#include <string>

namespace gongwen::pdf {

// Page content and CMaps: text that compresses four to five times.
std::string deflated(const std::string& data);

// A glyf font program (see the .cpp for how). Separate from writing its object, so that a font is
// compressed with its subset, before any PDF object exists.
std::string deflatedFontProgram(const std::string& data);

}  // namespace gongwen::pdf
