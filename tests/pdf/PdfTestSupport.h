#pragma once
// What the PDF writer's tests share: the default fonts, loaded once, and ways to hand written
// bytes to the independent readers.

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "pipeline/fonts/FontLibrary.h"
#include "tests/support/TestSupport.h"

namespace gongwen::pdf::testing {

inline const fonts::FontLibrary& defaultFonts() {
  static const fonts::FontLibrary library(fonts::FontConfig::defaults());
  return library;
}

// The defaults with the title role in the SC face of NotoSerifCJK-Bold.ttc, a face of a font
// collection (the defaults list it after FandolSong-Bold).
inline const fonts::FontLibrary& collectionTitleFonts() {
  static const fonts::FontLibrary library([] {
    fonts::FontConfig config = fonts::FontConfig::defaults();
    config.families[fonts::FontRole::Xiaobiaosong] = {"Noto Serif CJK SC:style=Bold"};
    return config;
  }());
  return library;
}

inline std::string saved(const gongwen::testing::TempDir& dir, const std::string& bytes,
                         const std::string& name = "out.pdf") {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// qpdf's JSON view of every object ("obj:N 0 R" -> {"value": ...}, plus "trailer").
inline nlohmann::json qpdfObjects(const std::string& path) {
  const auto result = gongwen::testing::run({"qpdf", "--json", "--json-key=qpdf", path});
  if (result.exitCode != 0) throw std::runtime_error("qpdf --json failed: " + result.err);
  return nlohmann::json::parse(result.out).at("qpdf").at(1);
}

}  // namespace gongwen::pdf::testing
