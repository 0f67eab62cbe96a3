#include "pipeline/fonts/LoadedFace.h"

#include <algorithm>
#include <memory>

#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"

namespace gongwen::fonts {
namespace {

constexpr uint32_t kCffTag = tableTag('C', 'F', 'F', ' ');
constexpr uint32_t kGlyfTag = tableTag('g', 'l', 'y', 'f');
constexpr unsigned kPostScriptNameId = 6;
// Subroutines are copied whole into every subset by CidCffSubsetter: the Fandol fonts have none;
// Noto CJK's (megabytes) would outweigh the glyphs, so HarfBuzz subsets those.
constexpr size_t kMaxCopiedSubroutineBytes = 64 * 1024;

// Tables a PDF viewer never reads from an embedded font: layout, vertical metrics, colour,
// names and glyph names. Dropping them keeps the subsets small.
const std::vector<uint32_t> kTablesPdfDoesNotUse = {
    tableTag('G', 'S', 'U', 'B'), tableTag('G', 'P', 'O', 'S'), tableTag('G', 'D', 'E', 'F'),
    tableTag('B', 'A', 'S', 'E'), tableTag('J', 'S', 'T', 'F'), tableTag('M', 'A', 'T', 'H'),
    tableTag('v', 'h', 'e', 'a'), tableTag('v', 'm', 't', 'x'), tableTag('V', 'O', 'R', 'G'),
    tableTag('D', 'S', 'I', 'G'), tableTag('k', 'e', 'r', 'n'), tableTag('g', 'a', 's', 'p'),
    tableTag('h', 'd', 'm', 'x'), tableTag('L', 'T', 'S', 'H'), tableTag('V', 'D', 'M', 'X'),
    tableTag('C', 'O', 'L', 'R'), tableTag('C', 'P', 'A', 'L'), tableTag('S', 'V', 'G', ' '),
    tableTag('E', 'B', 'D', 'T'), tableTag('E', 'B', 'L', 'C'), tableTag('E', 'B', 'S', 'C'),
    tableTag('b', 'd', 'a', 't'), tableTag('b', 'l', 'o', 'c'), tableTag('m', 'o', 'r', 'x'),
};

// A table of a face; reads past its end give 0.
class FontTable {
 public:
  FontTable(const FontProgram& program, uint32_t tag) : bytes_(program.table(tag)) {}
  size_t size() const { return bytes_.size(); }
  unsigned uint16At(size_t offset) const {
    return offset + 2 <= bytes_.size() ? static_cast<unsigned>(static_cast<uint8_t>(bytes_[offset]) << 8 |
                                                               static_cast<uint8_t>(bytes_[offset + 1]))
                                       : 0;
  }
  int int16At(size_t offset) const { return static_cast<int16_t>(uint16At(offset)); }

 private:
  std::string_view bytes_;
};

}  // namespace

LoadedFace::LoadedFace(const std::string& path, unsigned faceIndex, const std::string& familyName)
    : path_(path), faceIndex_(faceIndex), familyName_(familyName) {
  noteInput(path_);
  program_ = fontEngine().open(path, faceIndex);
  if (!program_) throw systemError("font.load", path + ": cannot read the font file; check its permissions");
  if (const std::string_view cff = program_->table(kCffTag); !cff.empty()) {
    isCff_ = true;
    cidCff_ = CidCffSubsetter::parse(cff, kMaxCopiedSubroutineBytes);
  } else if (program_->table(kGlyfTag).empty()) {
    throw inputError("font.unsupported-format",
                     path + " (face " + std::to_string(faceIndex) +
                         "): neither glyf nor CFF outlines; configure a TrueType or OpenType/CFF font");
  }
  unitsPerEm_ = program_->unitsPerEm();
  readMetrics();
  if (isCff_ && !cidCff_) readCids();
}

// The metrics a PDF font descriptor needs, read from the font's tables as FreeType reads them
// (sfnt_load_face): opening the file a second time with FreeType to ask it cost a cold render a
// second open and mapping of every font file and FreeType's parse of each whole CFF table.
void LoadedFace::readMetrics() {
  const FontTable head(*program_, tableTag('h', 'e', 'a', 'd'));
  const FontTable hhea(*program_, tableTag('h', 'h', 'e', 'a'));
  if (head.size() < 54 || hhea.size() < 36) {
    throw systemError("font.load", path_ + " (face " + std::to_string(faceIndex_) +
                                       "): no head or hhea table; configure another family");
  }
  const FontTable os2(*program_, tableTag('O', 'S', '/', '2'));
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
  postscriptName_ = program_->name(kPostScriptNameId);  // ASCII by definition
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
void LoadedFace::readCids() {
  if (program_->readCids() == CidKeying::Unreadable) {
    throw systemError("font.load",
                      path_ + " (face " + std::to_string(faceIndex_) + "): FreeType cannot open it");
  }
}

std::optional<uint32_t> LoadedFace::glyphFor(char32_t c) const {
  const uint32_t glyph = program_->nominalGlyph(c);
  if (glyph == 0) return {};
  return glyph;
}

double LoadedFace::advance(uint32_t glyph, double sizePt) const {
  return program_->advance(glyph) * sizePt / unitsPerEm_;
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

// Glyph ids are renumbered (no RETAIN_GIDS): subset() hands out the codes that match the new
// numbering. Flattening CFF subroutines was measured neutral with HarfBuzz 6.0 (same bytes, same
// time within noise, for Noto CJK and Fandol); it stays so that subsets never carry subroutines.
FontSubset LoadedFace::subsetWithHarfBuzz(const std::map<uint32_t, char32_t>& drawn) const {
  SubsetRequest request;
  bool eachIsItsCharacters = true;
  for (const auto& [glyph, ch] : drawn) {
    request.glyphs.push_back(glyph);
    request.characters.push_back(ch);
    eachIsItsCharacters = eachIsItsCharacters && glyphFor(ch) == glyph;
  }
  // HarfBuzz finds the glyphs of characters one cmap lookup each, but asked for glyph ids it
  // first inverts the font's whole cmap: a fifth of a cold render for four CJK fonts.
  if (!eachIsItsCharacters) request.characters.clear();
  if (isCff_) {
    // Only the CFF table is embedded: subsetting the others was a fifth of the subset's work.
    request.onlyTable = kCffTag;
  } else {
    request.droppedTables = kTablesPdfDoesNotUse;
  }
  request.dropHinting = true;
  request.desubroutinize = isCff_;
  std::optional<SubsetAnswer> answer = program_->subset(request);
  if (!answer) {
    throw inputError("font.subset", path_ + " (face " + std::to_string(faceIndex_) +
                                        "): HarfBuzz cannot subset this font; configure another family");
  }
  FontSubset out;
  for (size_t i = 0; i < request.glyphs.size(); ++i) {
    const uint32_t glyph = request.glyphs[i];
    std::optional<uint32_t> code = program_->cid(glyph);
    if (!code) code = answer->newGlyphs[i];
    // A code that draws nothing must not reach a page: it would print blanks without a word.
    if (!code) {
      throw systemError("font.subset", path_ + " (face " + std::to_string(faceIndex_) + "): glyph " +
                                           std::to_string(glyph) +
                                           " is not in its HarfBuzz subset; this is a bug, report it");
    }
    out.codeByGlyph[glyph] = *code;
  }
  out.program = std::move(answer->program);
  return out;
}

void LoadedFace::prepareForRepeatedSubsetting() const {
  if (cidCff_) return;  // subset() copies charstrings and never uses HarfBuzz's preprocessed face
  program_->prepareForRepeatedSubsetting();
}

}  // namespace gongwen::fonts
