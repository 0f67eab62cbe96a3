#pragma once
// The page description operators for one page of frames: each character placed at its exact x
// on its run's baseline with a 2-byte Identity-H code, and each rule and box stroked.

#include <set>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/pdf/GlyphUse.h"

namespace gongwen::pdf {

struct PageContent {
  std::string operators;    // uncompressed content stream
  std::set<FaceKey> roles;  // fonts the page's resources must name
};

// The resource name a face's font has on every page (/F_fangsong, /F_fangsong_1 for the role's
// second face ...).
std::string fontResourceName(const FaceKey& key);

// Records every glyph the page draws in `drawn`. Throws Error(InputInvalid, "font.missing-glyph")
// naming the character, the page number (1-based) and the role when the role's face lacks a glyph.
void collectGlyphs(const layout::Page& page, int pageNumber, const fonts::FontLibrary& fonts,
                   DrawnGlyphsByRole& drawn);

// The page's content, drawing each glyph with its code in its role's subset. Every glyph must have
// been collected (collectGlyphs) and given a code.
PageContent buildPageContent(const layout::Page& page, const fonts::FontLibrary& fonts,
                             const CodesByRole& codes);

}  // namespace gongwen::pdf
