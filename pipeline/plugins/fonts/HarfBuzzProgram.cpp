#include "pipeline/plugins/fonts/HarfBuzzProgram.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <new>

namespace gongwen::fonts {
namespace {

struct HbBlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbFontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct HbSubsetInputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct HbSubsetPlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
using HbBlob = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFont = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, HbSubsetInputDeleter>;
using HbSubsetPlan = std::unique_ptr<hb_subset_plan_t, HbSubsetPlanDeleter>;

std::string_view viewOf(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string_view(data, length);
}

class HarfBuzzProgram final : public FontProgram {
 public:
  HarfBuzzProgram(HbBlob file, unsigned faceIndex)
      : file_(std::move(file)), faceIndex_(faceIndex), face_(hb_face_create(file_.get(), faceIndex)) {
    hb_face_make_immutable(face_.get());
    font_.reset(hb_font_create(face_.get()));
    const int upem = static_cast<int>(hb_face_get_upem(face_.get()));
    hb_font_set_scale(font_.get(), upem, upem);
    hb_font_make_immutable(font_.get());
  }
  ~HarfBuzzProgram() override {
    hb_face_destroy(subsetSource_.load());
    for (auto& [tag, blob] : tables_) hb_blob_destroy(blob);
  }
  HarfBuzzProgram(const HarfBuzzProgram&) = delete;
  HarfBuzzProgram& operator=(const HarfBuzzProgram&) = delete;

  std::string_view table(uint32_t tag) const override {
    const std::lock_guard<std::mutex> lock(tablesMutex_);
    hb_blob_t*& blob = tables_[tag];
    if (blob == nullptr) blob = hb_face_reference_table(face_.get(), tag);
    return viewOf(blob);
  }

  unsigned unitsPerEm() const override { return hb_face_get_upem(face_.get()); }

  std::string name(unsigned nameId) const override {
    char text[256];
    unsigned length = sizeof text;
    if (hb_ot_name_get_utf8(face_.get(), nameId, HB_LANGUAGE_INVALID, &length, text) == 0) return "";
    return std::string(text, std::min<size_t>(length, sizeof text - 1));
  }

  uint32_t nominalGlyph(char32_t c) const override {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font_.get(), static_cast<hb_codepoint_t>(c), &glyph) ? glyph : 0;
  }

  int advance(uint32_t glyph) const override { return hb_font_get_glyph_h_advance(font_.get(), glyph); }

  // FreeType reads the file already mapped for HarfBuzz.
  CidKeying readCids() override {
    FT_Library rawLibrary = nullptr;
    if (FT_Init_FreeType(&rawLibrary) != 0) return CidKeying::Unreadable;
    std::shared_ptr<FT_LibraryRec_> library(rawLibrary, FT_Done_FreeType);
    const std::string_view data = viewOf(file_.get());
    FT_Face rawFace = nullptr;
    if (FT_New_Memory_Face(library.get(), reinterpret_cast<const FT_Byte*>(data.data()),
                           static_cast<FT_Long>(data.size()), static_cast<FT_Long>(faceIndex_),
                           &rawFace) != 0) {
      return CidKeying::Unreadable;
    }
    std::shared_ptr<FT_FaceRec_> face(rawFace, FT_Done_Face);
    FT_Bool cidKeyed = 0;
    if (FT_Get_CID_Is_Internally_CID_Keyed(face.get(), &cidKeyed) != 0 || !cidKeyed) {
      return CidKeying::NotCidKeyed;
    }
    numGlyphs_ = static_cast<unsigned>(face->num_glyphs);
    ftLibrary_ = std::move(library);
    cidFace_ = std::move(face);
    return CidKeying::CidKeyed;
  }

  // FT_Face objects are not thread-safe, hence the mutex.
  std::optional<uint32_t> cid(uint32_t glyph) const override {
    if (!cidFace_ || glyph >= numGlyphs_) return {};
    const std::lock_guard<std::mutex> lock(cidMutex_);
    FT_UInt cid = 0;
    FT_Get_CID_From_Glyph_Index(cidFace_.get(), glyph, &cid);
    return cid;
  }

  std::optional<SubsetAnswer> subset(const SubsetRequest& request) const override {
    HbSubsetInput input(hb_subset_input_create_or_fail());
    if (!input) throw std::bad_alloc();
    if (!request.characters.empty()) {
      hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
      for (char32_t c : request.characters) hb_set_add(unicodes, static_cast<hb_codepoint_t>(c));
    } else {
      hb_set_t* glyphSet = hb_subset_input_glyph_set(input.get());
      for (uint32_t glyph : request.glyphs) hb_set_add(glyphSet, glyph);
    }
    hb_set_t* dropTables = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    if (request.onlyTable != 0) {
      hb_set_clear(dropTables);
      hb_set_add(dropTables, request.onlyTable);
      hb_set_invert(dropTables);
    } else {
      for (uint32_t tag : request.droppedTables) hb_set_add(dropTables, tag);
    }
    unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
    if (request.dropHinting) flags |= HB_SUBSET_FLAGS_NO_HINTING;
    if (request.desubroutinize) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
    hb_subset_input_set_flags(input.get(), flags);
    hb_face_t* source = subsetSource_.load();
    // A plan rather than hb_subset_or_fail: it tells which new glyph id each glyph got.
    HbSubsetPlan plan(hb_subset_plan_create_or_fail(source ? source : face_.get(), input.get()));
    HbFace result(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
    if (!result) return {};
    SubsetAnswer answer;
    const hb_map_t* newGlyphs = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (uint32_t glyph : request.glyphs) {
      const uint32_t newGlyph = hb_map_get(newGlyphs, glyph);
      answer.newGlyphs.push_back(newGlyph == HB_MAP_VALUE_INVALID ? std::nullopt
                                                                  : std::optional<uint32_t>(newGlyph));
    }
    const HbBlob program(request.onlyTable != 0 ? hb_face_reference_table(result.get(), request.onlyTable)
                                                : hb_face_reference_blob(result.get()));
    answer.program = std::string(viewOf(program.get()));
    return answer;
  }

  void prepareForRepeatedSubsetting() const override {
    std::call_once(preprocessOnce_, [this] { subsetSource_.store(hb_subset_preprocess(face_.get())); });
  }

 private:
  HbBlob file_;
  unsigned faceIndex_;
  HbFace face_;
  HbFont font_;
  mutable std::mutex tablesMutex_;
  mutable std::map<uint32_t, hb_blob_t*> tables_;  // referenced until the program goes
  // Open for CID lookups once readCids() found the face CID-keyed; the face reads from file_.
  std::shared_ptr<FT_LibraryRec_> ftLibrary_;
  std::shared_ptr<FT_FaceRec_> cidFace_;
  unsigned numGlyphs_ = 0;
  mutable std::mutex cidMutex_;
  mutable std::once_flag preprocessOnce_;
  // The preprocessed copy of face_ that subset() uses once prepareForRepeatedSubsetting() ran.
  mutable std::atomic<hb_face_t*> subsetSource_{nullptr};
};

}  // namespace

std::unique_ptr<FontProgram> openWithHarfBuzz(const std::string& path, unsigned faceIndex) {
  HbBlob file(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!file) return nullptr;
  return std::make_unique<HarfBuzzProgram>(std::move(file), faceIndex);
}

}  // namespace gongwen::fonts
