#include "pipeline/fonts/LoadedFace.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>
#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"

namespace gongwen::fonts {
namespace {

constexpr hb_tag_t kCffTag = HB_TAG('C', 'F', 'F', ' ');
constexpr hb_tag_t kGlyfTag = HB_TAG('g', 'l', 'y', 'f');
// Subroutines are copied whole into every subset by CidCffSubsetter: the Fandol fonts have none;
// Noto CJK's (megabytes) would outweigh the glyphs, so HarfBuzz subsets those.
constexpr size_t kMaxCopiedSubroutineBytes = 64 * 1024;

// Tables a PDF viewer never reads from an embedded font: layout, vertical metrics, colour,
// names and glyph names. Dropping them keeps the subsets small.
constexpr hb_tag_t kTablesPdfDoesNotUse[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'),
    HB_TAG('C', 'O', 'L', 'R'), HB_TAG('C', 'P', 'A', 'L'), HB_TAG('S', 'V', 'G', ' '),
    HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C'),
    HB_TAG('b', 'd', 'a', 't'), HB_TAG('b', 'l', 'o', 'c'), HB_TAG('m', 'o', 'r', 'x'),
};

struct HbBlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbSubsetInputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct HbSubsetPlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
using HbBlob = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbSubsetPlan = std::unique_ptr<hb_subset_plan_t, HbSubsetPlanDeleter>;

bool hasTable(hb_face_t* face, hb_tag_t tag) {
  HbBlob table(hb_face_reference_table(face, tag));
  return hb_blob_get_length(table.get()) > 0;
}

std::string bytesOf(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string(data, length);
}

// A table of a face, read through HarfBuzz; reads past its end give 0.
class FontTable {
 public:
  FontTable(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob_.get(), &size_));
  }
  unsigned size() const { return size_; }
  unsigned uint16At(unsigned offset) const {
    return offset + 2 <= size_ ? static_cast<unsigned>(data_[offset] << 8 | data_[offset + 1]) : 0;
  }
  int int16At(unsigned offset) const { return static_cast<int16_t>(uint16At(offset)); }

 private:
  HbBlob blob_;
  const uint8_t* data_ = nullptr;
  unsigned size_ = 0;
};

// A name-table entry in ASCII (the PostScript name is ASCII by definition), or "".
std::string nameOf(hb_face_t* face, hb_ot_name_id_t id) {
  char text[256];
  unsigned length = sizeof text;
  if (hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &length, text) == 0) return "";
  return std::string(text, std::min<size_t>(length, sizeof text - 1));
}

}  // namespace

LoadedFace::LoadedFace(const std::string& path, unsigned faceIndex, const std::string& familyName)
    : path_(path), faceIndex_(faceIndex), familyName_(familyName) {
  noteInput(path_);
  HbBlob blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) throw systemError("font.load", path + ": cannot read the font file; check its permissions");
  hbFace_ = hb_face_create(blob.get(), faceIndex);
  try {
    if (hasTable(hbFace_, kCffTag)) {
      isCff_ = true;
      cffTable_ = hb_face_reference_table(hbFace_, kCffTag);
      unsigned length = 0;
      const char* data = hb_blob_get_data(cffTable_, &length);
      cidCff_ = CidCffSubsetter::parse(std::string_view(data, length), kMaxCopiedSubroutineBytes);
    } else if (!hasTable(hbFace_, kGlyfTag)) {
      throw inputError("font.unsupported-format",
                       path + " (face " + std::to_string(faceIndex) +
                           "): neither glyf nor CFF outlines; configure a TrueType or OpenType/CFF font");
    }
    hb_face_make_immutable(hbFace_);
    hbFont_ = hb_font_create(hbFace_);
    unitsPerEm_ = hb_face_get_upem(hbFace_);
    hb_font_set_scale(hbFont_, static_cast<int>(unitsPerEm_), static_cast<int>(unitsPerEm_));
    hb_font_make_immutable(hbFont_);
    readMetrics();
    if (isCff_ && !cidCff_) openCidFace(blob.get());
  } catch (...) {
    hb_font_destroy(hbFont_);
    hb_blob_destroy(cffTable_);
    hb_face_destroy(hbFace_);
    throw;
  }
}

LoadedFace::~LoadedFace() {
  hb_face_destroy(subsetSource_.load());
  cidFace_.reset();
  ftLibrary_.reset();
  hb_blob_destroy(fileBlob_);
  hb_font_destroy(hbFont_);
  hb_blob_destroy(cffTable_);
  hb_face_destroy(hbFace_);
}

// The metrics a PDF font descriptor needs, read from the font's tables as FreeType reads them
// (sfnt_load_face): opening the file a second time with FreeType to ask it cost a cold render a
// second open and mapping of every font file and FreeType's parse of each whole CFF table.
void LoadedFace::readMetrics() {
  const FontTable head(hbFace_, HB_TAG('h', 'e', 'a', 'd'));
  const FontTable hhea(hbFace_, HB_TAG('h', 'h', 'e', 'a'));
  if (head.size() < 54 || hhea.size() < 36) {
    throw systemError("font.load", path_ + " (face " + std::to_string(faceIndex_) +
                                       "): no head or hhea table; configure another family");
  }
  const FontTable os2(hbFace_, HB_TAG('O', 'S', '/', '2'));
  const bool hasOs2 = os2.size() >= 78;
  double ascender = hhea.int16At(4);
  double descender = hhea.int16At(6);
  // A font whose hhea says nothing: the typographic values, else the Windows ones.
  if (ascender == 0 && descender == 0 && hasOs2) {
    if (os2.int16At(68) != 0 || os2.int16At(70) != 0) {
      ascender = os2.int16At(68);
      descender = os2.int16At(70);
    } else {
      ascender = os2.uint16At(74);
      descender = -static_cast<double>(os2.uint16At(76));
    }
  }
  const double scale = 1000.0 / unitsPerEm_;
  ascender_ = ascender * scale;
  descender_ = descender * scale;
  capHeight_ = ascender_;
  if (hasOs2 && os2.size() >= 90 && os2.uint16At(0) >= 2 && os2.int16At(88) > 0) {
    capHeight_ = os2.int16At(88) * scale;
  }
  bbox_ = {head.int16At(36) * scale, head.int16At(38) * scale, head.int16At(40) * scale,
           head.int16At(42) * scale};
  postscriptName_ = nameOf(hbFace_, HB_OT_NAME_ID_POSTSCRIPT_NAME);
  if (postscriptName_.empty()) postscriptName_ = familyName_;
  postscriptName_.erase(std::remove_if(postscriptName_.begin(), postscriptName_.end(),
                                       [](char c) {
                                         return c <= ' ' || c > '~' ||
                                                std::string_view("()<>[]{}/%#").find(c) !=
                                                    std::string_view::npos;
                                       }),
                        postscriptName_.end());
  if (postscriptName_.empty()) postscriptName_ = "Font";
}

// A CID-keyed CFF font that subset() hands to HarfBuzz needs FreeType for the CID of each glyph.
// FreeType reads the file already mapped for HarfBuzz; FT_Face objects are not thread-safe, hence
// the mutex around later lookups.
void LoadedFace::openCidFace(hb_blob_t* file) {
  FT_Library rawLibrary = nullptr;
  if (FT_Init_FreeType(&rawLibrary) != 0) throw systemError("font.load", "cannot initialise FreeType");
  std::shared_ptr<FT_LibraryRec_> library(rawLibrary, FT_Done_FreeType);
  unsigned length = 0;
  const char* data = hb_blob_get_data(file, &length);
  FT_Face rawFace = nullptr;
  if (FT_New_Memory_Face(library.get(), reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length),
                         static_cast<FT_Long>(faceIndex_), &rawFace) != 0) {
    throw systemError("font.load",
                      path_ + " (face " + std::to_string(faceIndex_) + "): FreeType cannot open it");
  }
  std::shared_ptr<FT_FaceRec_> face(rawFace, FT_Done_Face);
  FT_Bool cidKeyed = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(face.get(), &cidKeyed) != 0 || !cidKeyed) return;
  numGlyphs_ = static_cast<unsigned>(face->num_glyphs);
  fileBlob_ = hb_blob_reference(file);  // FreeType reads from it for as long as the face lives
  ftLibrary_ = std::move(library);
  cidFace_ = std::move(face);
}

// Glyph ids are renumbered (no RETAIN_GIDS): subset() hands out the codes that match the new
// numbering. Flattening CFF subroutines was measured neutral with HarfBuzz 6.0 (same bytes, same
// time within noise, for Noto CJK and Fandol); it stays so that subsets never carry subroutines.
unsigned LoadedFace::subsetFlags() const {
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING;
  if (isCff_) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  return flags;
}

std::optional<uint32_t> LoadedFace::glyphFor(char32_t c) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(hbFont_, static_cast<hb_codepoint_t>(c), &glyph) || glyph == 0) return {};
  return glyph;
}

double LoadedFace::advance(uint32_t glyph, double sizePt) const {
  return hb_font_get_glyph_h_advance(hbFont_, glyph) * sizePt / unitsPerEm_;
}

FontSubset LoadedFace::subset(const std::map<uint32_t, char32_t>& drawn) const {
  if (!cidCff_) return subsetWithHarfBuzz(drawn);
  FontSubset out;
  std::vector<uint32_t> glyphs;
  for (const auto& [glyph, ch] : drawn) {
    if (glyph >= cidCff_->glyphCount()) {
      throw systemError("font.subset", path_ + " (face " + std::to_string(faceIndex_) + "): glyph " +
                                           std::to_string(glyph) +
                                           " is not in its CFF table; this is a bug, report it");
    }
    glyphs.push_back(glyph);
    out.codeByGlyph[glyph] = cidCff_->cid(glyph);
  }
  std::optional<std::string> program = cidCff_->subset(glyphs);
  if (!program) {
    throw inputError("font.subset", path_ + " (face " + std::to_string(faceIndex_) +
                                        "): its CFF table is damaged; configure another family");
  }
  out.program = std::move(*program);
  return out;
}

FontSubset LoadedFace::subsetWithHarfBuzz(const std::map<uint32_t, char32_t>& drawn) const {
  std::unique_ptr<hb_subset_input_t, HbSubsetInputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) throw systemError("font.subset", "out of memory preparing a font subset");
  std::vector<uint32_t> glyphs;
  bool eachIsItsCharacters = true;
  for (const auto& [glyph, ch] : drawn) {
    glyphs.push_back(glyph);
    eachIsItsCharacters = eachIsItsCharacters && glyphFor(ch) == glyph;
  }
  // HarfBuzz finds the glyphs of characters one cmap lookup each, but asked for glyph ids it
  // first inverts the font's whole cmap: a fifth of a cold render for four CJK fonts.
  if (eachIsItsCharacters) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (const auto& [glyph, ch] : drawn) hb_set_add(unicodes, static_cast<hb_codepoint_t>(ch));
  } else {
    hb_set_t* glyphSet = hb_subset_input_glyph_set(input.get());
    for (uint32_t glyph : glyphs) hb_set_add(glyphSet, glyph);
  }
  hb_set_t* dropTables = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  if (isCff_) {
    // Only the CFF table is embedded: subsetting the others was a fifth of the subset's work.
    hb_set_clear(dropTables);
    hb_set_add(dropTables, kCffTag);
    hb_set_invert(dropTables);
  } else {
    for (hb_tag_t tag : kTablesPdfDoesNotUse) hb_set_add(dropTables, tag);
  }
  hb_subset_input_set_flags(input.get(), subsetFlags());
  hb_face_t* source = subsetSource_.load();
  // A plan rather than hb_subset_or_fail: it tells which new glyph id each glyph got.
  HbSubsetPlan plan(hb_subset_plan_create_or_fail(source ? source : hbFace_, input.get()));
  HbFace result(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
  if (!result) {
    throw inputError("font.subset", path_ + " (face " + std::to_string(faceIndex_) +
                                        "): HarfBuzz cannot subset this font; configure another family");
  }
  FontSubset out;
  const hb_map_t* newGlyphs = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  std::unique_lock<std::mutex> cidLock(cidMutex_, std::defer_lock);
  if (cidFace_) cidLock.lock();
  for (uint32_t glyph : glyphs) {
    uint32_t code = HB_MAP_VALUE_INVALID;
    if (cidFace_ && glyph < numGlyphs_) {
      FT_UInt cid = 0;
      FT_Get_CID_From_Glyph_Index(cidFace_.get(), glyph, &cid);
      code = cid;
    } else {
      code = hb_map_get(newGlyphs, glyph);
    }
    // A code that draws nothing must not reach a page: it would print blanks without a word.
    if (code == HB_MAP_VALUE_INVALID) {
      throw systemError("font.subset", path_ + " (face " + std::to_string(faceIndex_) + "): glyph " +
                                           std::to_string(glyph) +
                                           " is not in its HarfBuzz subset; this is a bug, report it");
    }
    out.codeByGlyph[glyph] = code;
  }
  HbBlob program(isCff_ ? hb_face_reference_table(result.get(), kCffTag)
                        : hb_face_reference_blob(result.get()));
  out.program = bytesOf(program.get());
  return out;
}

void LoadedFace::prepareForRepeatedSubsetting() const {
  if (cidCff_) return;  // subset() copies charstrings and never uses HarfBuzz's preprocessed face
  std::call_once(preprocessOnce_, [this] { subsetSource_.store(hb_subset_preprocess(hbFace_)); });
}

}  // namespace gongwen::fonts
