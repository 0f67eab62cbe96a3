#pragma once
// Layout: a model::Document becomes Frames — pages of positioned characters, rules and seal
// boxes on the GB/T 9704-2012 grid — for the PDF writer.

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Throws Error(InputInvalid, "font.missing-glyph") naming the character, the job element and
// the font role when a character cannot be drawn.
Frames layOut(const model::Document& doc, const fonts::FontLibrary& fonts);

// The same over any source of glyph metrics.
Frames layOut(const model::Document& doc, const GlyphMetrics& metrics);

}  // namespace gongwen::layout
