#pragma once
// The ToUnicode CMap that lets readers (pdftotext, search, screen readers) turn the 2-byte
// content codes back into text.

#include <string>

#include "pipeline/pdf/GlyphUse.h"

namespace gongwen::pdf {

std::string toUnicodeCMap(const GlyphUse& used);

}  // namespace gongwen::pdf
