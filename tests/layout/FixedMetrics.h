#pragma once
// Glyph metrics for unit tests of line breaking: every character has a glyph except those named,
// ASCII is half an em wide. The document-level tests use the real FontLibrary instead.

#include <string>

#include "pipeline/layout/GlyphMetrics.h"

namespace gongwen::layout::testing {

class FixedMetrics final : public GlyphMetrics {
 public:
  explicit FixedMetrics(std::u32string missing = {}) : missing_(std::move(missing)) {}
  bool hasGlyph(fonts::FontRole, char32_t c) const override {
    return missing_.find(c) == std::u32string::npos;
  }
  double advance(fonts::FontRole, char32_t c, double sizePt) const override {
    return c < 0x80 ? sizePt / 2 : sizePt;
  }
  std::string fontName(fonts::FontRole) const override { return "Fixed Test Face"; }

 private:
  std::u32string missing_;
};

}  // namespace gongwen::layout::testing
