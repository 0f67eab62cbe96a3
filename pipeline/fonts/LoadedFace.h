#pragma once
// A FontFace read once from its file, mapped once: metrics are read from its tables at load time;
// glyph lookups, advances and subsetting go through HarfBuzz in the fonts plugin (FontEngine.h),
// whose faces are safe to share between threads.

#include <memory>
#include <string>
#include <vector>

#include "pipeline/fonts/CidCffSubsetter.h"
#include "pipeline/fonts/FontEngine.h"
#include "pipeline/fonts/FontLibrary.h"

namespace gongwen::fonts {

class LoadedFace final : public FontFace {
 public:
  // Throws Error(System, "font.load") when the file cannot be read as a font,
  // Error(InputInvalid, "font.unsupported-format") for outlines other than glyf or CFF, and
  // Error(System, "plugin.missing") when the fonts plugin cannot be loaded.
  LoadedFace(const std::string& path, unsigned faceIndex, const std::string& familyName);
  LoadedFace(const LoadedFace&) = delete;
  LoadedFace& operator=(const LoadedFace&) = delete;

  const std::string& path() const override { return path_; }
  unsigned faceIndex() const override { return faceIndex_; }
  const std::string& familyName() const override { return familyName_; }
  const std::string& postscriptName() const override { return postscriptName_; }
  bool isCff() const override { return isCff_; }

  std::optional<uint32_t> glyphFor(char32_t c) const override;
  double advance(uint32_t glyph, double sizePt) const override;
  double ascender() const override { return ascender_; }
  double descender() const override { return descender_; }
  double capHeight() const override { return capHeight_; }
  std::vector<double> bbox() const override { return bbox_; }
  FontSubset subset(const std::map<uint32_t, char32_t>& drawn) const override;
  void prepareForRepeatedSubsetting() const override;

 private:
  void readMetrics();
  void readCids();
  FontSubset subsetWithHarfBuzz(const std::map<uint32_t, char32_t>& drawn) const;

  std::string path_;
  unsigned faceIndex_;
  std::string familyName_;
  std::string postscriptName_;
  bool isCff_ = false;
  double unitsPerEm_ = 1000;
  double ascender_ = 0, descender_ = 0, capHeight_ = 0;
  std::vector<double> bbox_;
  // The face as the plugin read it. When it is CID-keyed CFF that HarfBuzz subsets, it is also open
  // for CID lookups: reading all of a CJK font's 30 000 CIDs up front cost a cold render as much as
  // laying out the notice.
  std::unique_ptr<FontProgram> program_;
  // The parse of the CFF table, when it is CID-keyed with few subroutines: subset() copies from it.
  std::unique_ptr<CidCffSubsetter> cidCff_;
};

}  // namespace gongwen::fonts
