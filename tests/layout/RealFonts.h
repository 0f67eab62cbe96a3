#pragma once
// The shipped font configuration, loaded once per test program (faces are cached per process).

#include "pipeline/fonts/FontLibrary.h"

namespace gongwen::layout::testing {

inline const fonts::FontLibrary& realFonts() {
  static const fonts::FontLibrary library(fonts::FontConfig::defaults());
  return library;
}

}  // namespace gongwen::layout::testing
