#pragma once
// A FontFace read once from its file, mapped once: metrics are read from its tables at load time;
// glyph lookups, advances and subsetting go through HarfBuzz, whose objects are immutable and safe
// to share between threads.

#include <hb.h>

#include <atomic>
#include <memory>
#include <mutex>

#include <string>
#include <vector>

#include "pipeline/fonts/CidCffSubsetter.h"
#include "pipeline/fonts/FontLibrary.h"

struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace gongwen::fonts {

class LoadedFace final : public FontFace {
 public:
  // Throws Error(System, "font.load") when the file cannot be read as a font, and
  // Error(InputInvalid, "font.unsupported-format") for outlines other than glyf or CFF.
  LoadedFace(const std::string& path, unsigned faceIndex, const std::string& familyName);
  ~LoadedFace() override;
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
  void openCidFace(hb_blob_t* file);
  unsigned subsetFlags() const;
  FontSubset subsetWithHarfBuzz(const std::map<uint32_t, char32_t>& drawn) const;

  std::string path_;
  unsigned faceIndex_;
  std::string familyName_;
  std::string postscriptName_;
  bool isCff_ = false;
  double unitsPerEm_ = 1000;
  double ascender_ = 0, descender_ = 0, capHeight_ = 0;
  std::vector<double> bbox_;
  // Open for CID lookups while the font is CID-keyed CFF that HarfBuzz subsets: reading all of a
  // CJK font's 30 000 CIDs up front cost a cold render as much as laying out the notice. FreeType
  // faces are not thread-safe, hence the mutex. The face reads the file's bytes from fileBlob_.
  hb_blob_t* fileBlob_ = nullptr;
  std::shared_ptr<FT_LibraryRec_> ftLibrary_;
  std::shared_ptr<FT_FaceRec_> cidFace_;
  unsigned numGlyphs_ = 0;
  mutable std::mutex cidMutex_;
  hb_face_t* hbFace_ = nullptr;
  // The CFF table and its parse, when it is CID-keyed with few subroutines: subset() copies from it.
  hb_blob_t* cffTable_ = nullptr;
  std::unique_ptr<CidCffSubsetter> cidCff_;
  hb_font_t* hbFont_ = nullptr;
  mutable std::once_flag preprocessOnce_;
  // The preprocessed copy of hbFace_ that subset() uses once prepareForRepeatedSubsetting() ran.
  mutable std::atomic<hb_face_t*> subsetSource_{nullptr};
};

}  // namespace gongwen::fonts
